import "server-only";
import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { getDocSchema } from "@/lib/editor/extensions";
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

export type AnchoredThread = { id: string; quote: string | null };
export type AnchorUpdate = { id: string; quote: string } | { id: string; anchor: "REMOVED" };

/**
 * Keeps every text-anchored thread of a section attached to its words when its content
 * goes from `before` to `after`. Pure: returns the content to store (marks put back)
 * and the thread changes; the content pipeline (lib/docs/content/) stores the first and
 * its comment-anchors effect the second.
 *
 * - The mark is still there (ProseMirror moved it with the edit): the thread's quote
 *   becomes the words it covers now.
 * - The mark is gone but the words are not (the writer's editor was opened before the
 *   thread existed, so its copy had no mark): as many copies of the quote as before
 *   means nothing of it was deleted, so the mark goes back on the same copy.
 * - Otherwise the words were deleted: the thread falls back to the section as
 *   REMOVED ("text removed"), keeping its quote. Threads are never deleted here.
 */
export function planCommentAnchors(
  threads: readonly AnchoredThread[],
  before: unknown,
  after: JSONContent,
): { content: JSONContent; updates: AnchorUpdate[] } {
  const updates: AnchorUpdate[] = [];
  if (threads.length === 0) return { content: after, updates };
  const marked = markedThreads(after);
  let content = after;
  for (const t of threads) {
    const now = marked.get(t.id);
    if (now !== undefined) {
      if (now !== t.quote) updates.push({ id: t.id, quote: now });
      continue;
    }
    const quote = t.quote ?? "";
    const old = before && typeof before === "object" ? (before as JSONContent) : null;
    const was = old ? occurrences(flatText(old), quote) : [];
    const is = occurrences(flatText(content), quote);
    const index = old ? was.indexOf(markedOffset(old, t.id)) : -1;
    const again =
      quote && index >= 0 && was.length === is.length
        ? addCommentMark(content, t.id, { offset: is[index]!, quote })
        : null;
    if (again) content = again;
    else updates.push({ id: t.id, anchor: "REMOVED" });
  }
  return { content, updates };
}
