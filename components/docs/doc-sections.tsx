import { saveSectionAction } from "@/app/(app)/docs/[slug]/actions";
import {
  createThreadAction,
  deleteCommentAction,
  editCommentAction,
  listMentionCandidatesAction,
  listThreadsAction,
  replyToThreadAction,
  setThreadStateAction,
} from "@/app/(app)/docs/[slug]/comment-actions";
import { createGuestThreadAction, guestReplyAction, listSharedThreadsAction } from "@/app/s/[token]/comment-actions";
import { CommentsRoot, SectionThreads, type CommentsActions } from "@/components/comments/lazy-comments";
import { SectionBlock } from "@/components/editor/section-block";
import type { DocPageDTO, SectionDTO, SectionSummaryDTO } from "@/lib/docs/dto";

/** What a block needs, whatever the caller loaded: the shared view holds whole sections, and their JSON must not be serialized into the page. */
const summaryOf = ({ content: _content, outline: _outline, ...summary }: SectionSummaryDTO & Partial<Pick<SectionDTO, "content" | "outline">>): SectionSummaryDTO => summary;

function commentActions(docId: string, guest: { token: string } | undefined): CommentsActions {
  if (guest) return { kind: "guest", token: guest.token, list: listSharedThreadsAction, create: createGuestThreadAction, reply: guestReplyAction };
  return {
    kind: "member",
    docId,
    list: listThreadsAction,
    create: createThreadAction,
    reply: replyToThreadAction,
    edit: editCommentAction,
    remove: deleteCommentAction,
    setState: setThreadStateAction,
    mentions: listMentionCandidatesAction,
  };
}

/**
 * Every section as its own block. The section HTML is server-rendered (readable
 * before any script runs); the editor's code loads only when someone edits.
 * Comment threads load after hydration, in one call for the doc (CommentsRoot):
 * members by default, a comment link's guests with `comments={{ token }}`, none with false.
 */
export function DocSections({ doc, editable, userId, comments }: { doc: Pick<DocPageDTO, "id" | "sections">; editable: boolean; userId?: string; comments?: { token: string } | false }) {
  const titles = doc.sections.map(({ key, title }) => ({ key, title }));
  return (
    <div className="grid gap-10 pt-8">
      {doc.sections.map((section) => (
        <div key={section.id} className="contents">
          <SectionBlock docId={doc.id} section={summaryOf(section)} editable={editable} save={saveSectionAction} userId={userId} />
          {comments !== false && <SectionThreads sectionKey={section.key} title={section.title} inline={!!comments} />}
        </div>
      ))}
      {comments !== false && <CommentsRoot actions={commentActions(doc.id, comments)} sections={titles} />}
    </div>
  );
}
