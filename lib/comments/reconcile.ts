import "server-only";
import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import type { Prisma, Tx } from "@/lib/db";
import { getDocSchema } from "@/lib/editor/extensions";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { addCommentMark, markedThreads } from "./anchors";

function flatText(content: JSONContent): string {
  let text = "";
  Node.fromJSON(getDocSchema(), content).descendants((node) => {
    if (node.isText) text += node.text;
    return !node.isText;
  });
  return text;
}

function occurrences(text: string, quote: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(quote); i !== -1 && quote; i = text.indexOf(quote, i + 1)) at.push(i);
  return at;
}

/** Flat-text offset where the thread's marked words start in `content` (-1 when unmarked). */
function markedOffset(content: JSONContent, threadId: string): number {
  let offset = 0;
  let found = -1;
  Node.fromJSON(getDocSchema(), content).descendants((node) => {
    if (found >= 0) return false;
    if (!node.isText) return true;
    if (node.marks.some((m) => m.type.name === "comment" && m.attrs.threadId === threadId)) found = offset;
    offset += node.text!.length;
    return false;
  });
  return found;
}

/**
 * Runs inside saveSection's transaction, after the new content is written: keeps
 * every text-anchored thread of the section attached to its words.
 *
 * - The mark is still there (ProseMirror moved it with the edit): the thread's quote
 *   becomes the words it covers now.
 * - The mark is gone but the words are not (the writer's editor was opened before the
 *   thread existed, so its copy had no mark): as many copies of the quote as before
 *   means nothing of it was deleted, so the mark goes back on the same copy.
 * - Otherwise the words were deleted: the thread falls back to the section as
 *   REMOVED ("text removed"), keeping its quote. Threads are never deleted here.
 */
export async function keepCommentAnchors(tx: Tx, docId: string, sectionKey: string, before: unknown, after: JSONContent): Promise<void> {
  // Raw SQL: this runs on every save, and most sections have no anchored threads.
  const threads = await tx.$queryRaw<{ id: string; quote: string | null }[]>`
    SELECT id, quote FROM "CommentThread" WHERE "documentId" = ${docId} AND "sectionKey" = ${sectionKey} AND anchor = 'TEXT'`;
  if (threads.length === 0) return;
  const marked = markedThreads(after);
  let content = after;
  let remarked = false;
  for (const t of threads) {
    const now = marked.get(t.id);
    if (now !== undefined) {
      if (now !== t.quote) await tx.commentThread.update({ where: { id: t.id }, data: { quote: now } });
      continue;
    }
    const quote = t.quote ?? "";
    const old = before && typeof before === "object" ? (before as JSONContent) : null;
    const was = old ? occurrences(flatText(old), quote) : [];
    const is = occurrences(flatText(content), quote);
    const index = old ? was.indexOf(markedOffset(old, t.id)) : -1;
    const again = quote && index >= 0 && was.length === is.length ? addCommentMark(content, t.id, { offset: is[index]!, quote }) : null;
    if (again) {
      content = again;
      remarked = true;
    } else {
      await tx.commentThread.update({ where: { id: t.id }, data: { anchor: "REMOVED" } });
    }
  }
  if (remarked) {
    await tx.section.update({
      where: { documentId_key: { documentId: docId, key: sectionKey } },
      data: { content: content as Prisma.InputJsonValue, html: renderDocToHTML(content) },
    });
  }
}
