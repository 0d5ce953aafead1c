import { saveSectionAction } from "@/app/(app)/docs/[slug]/actions";
import { SectionBlock } from "@/components/editor/section-block";
import type { DocDTO } from "@/lib/docs/dto";

/**
 * Every section as its own block. The section HTML is server-rendered (readable
 * before any script runs); the editor's code loads only when someone edits.
 */
export function DocSections({ doc, editable, userId }: { doc: DocDTO; editable: boolean; userId?: string }) {
  return (
    <div className="grid gap-10 pt-8">
      {doc.sections.map((section) => (
        <SectionBlock key={section.id} docId={doc.id} section={section} editable={editable} save={saveSectionAction} userId={userId} />
      ))}
    </div>
  );
}
