import type { DocDTO } from "@/lib/docs/dto";
import { RelativeTime } from "./relative-time";

/** Every section as its own block. The section HTML is server-rendered (readable before any script runs). */
export function DocSections({ doc, editable }: { doc: DocDTO; editable: boolean }) {
  return (
    <div className="grid gap-10 pt-8">
      {doc.sections.map((section) => (
        <section key={section.id} id={section.key} aria-labelledby={`${section.key}-heading`} className="scroll-mt-20">
          <div className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <h2 id={`${section.key}-heading`} className="text-xl font-semibold tracking-tight text-slate-900">
              <a href={`#${section.key}`} className="hover:underline">
                {section.title}
              </a>
            </h2>
            {section.required && <span className="text-xs font-medium text-amber-800">Required</span>}
            {!section.isEmpty && section.updatedBy && (
              <span className="text-xs text-slate-600">
                Edited <RelativeTime iso={section.updatedAt} /> by {section.updatedBy.name}
              </span>
            )}
          </div>
          {section.isEmpty ? (
            <p className="text-slate-500 italic">{section.guidance || "Nothing written yet."}</p>
          ) : (
            <div className="doc-content" dangerouslySetInnerHTML={{ __html: section.html }} />
          )}
          {editable ? null : null}
        </section>
      ))}
    </div>
  );
}
