import { saveSectionAction } from "@/app/(app)/docs/[slug]/actions";
import {
  addSectionAction,
  moveSectionAction,
  removeSectionAction,
  renameSectionAction,
} from "@/app/(app)/docs/[slug]/section-actions";
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
import { LiveDocProvider } from "@/components/collab/live-doc";
import { DocPresence } from "@/components/collab/lazy-presence";
import type { SectionActions } from "./extra-section-controls";
import { AddSection } from "./lazy-add-section";
import type { DocPageDTO, SectionDTO, SectionSummaryDTO } from "@/lib/docs/dto";

/**
 * What a block needs, whatever the caller loaded: the shared view holds whole sections, and their JSON must not be
 * serialized into the page.
 */
const summaryOf = ({
  content: _content,
  outline: _outline,
  ...summary
}: SectionSummaryDTO & Partial<Pick<SectionDTO, "content" | "outline">>): SectionSummaryDTO => summary;

const sectionActions: SectionActions = {
  add: addSectionAction,
  rename: renameSectionAction,
  move: moveSectionAction,
  remove: removeSectionAction,
};

function commentActions(docId: string, guest: { token: string } | undefined): CommentsActions {
  if (guest)
    return {
      kind: "guest",
      token: guest.token,
      list: listSharedThreadsAction,
      create: createGuestThreadAction,
      reply: guestReplyAction,
    };
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
export function DocSections({
  doc,
  editable,
  userId,
  comments,
  ticketUrl = `/api/docs/${doc.id}/collab`,
}: {
  doc: Pick<DocPageDTO, "id" | "sections">;
  editable: boolean;
  userId?: string;
  comments?: { token: string } | false;
  /** Where the page gets its ticket for the live channel (a share link's page: /s/<token>/collab). */
  ticketUrl?: string;
}) {
  const titles = doc.sections.map(({ key, title }) => ({ key, title }));
  return (
    <LiveDocProvider docId={doc.id} ticketUrl={ticketUrl} userId={userId ?? null}>
      <DocPresence titles={titles} />
      <div className="grid gap-10 pt-8">
        {doc.sections.map((section) => (
          <div key={section.id} className="contents">
            <SectionBlock
              docId={doc.id}
              section={summaryOf(section)}
              editable={editable}
              save={saveSectionAction}
              mentions={editable ? listMentionCandidatesAction : undefined}
              userId={userId}
              sectionActions={editable ? sectionActions : undefined}
            />
            {comments !== false && (
              <SectionThreads sectionKey={section.key} title={section.title} inline={!!comments} />
            )}
          </div>
        ))}
        {editable && <AddSection docId={doc.id} actions={sectionActions} />}
        {comments !== false && <CommentsRoot actions={commentActions(doc.id, comments)} sections={titles} />}
      </div>
    </LiveDocProvider>
  );
}
