import type { JSONContent } from "@tiptap/core";
import type { DocCaller } from "@/lib/docs/access";
import { createThread } from "@/lib/comments/create-thread";

/** A comment body (the small comment schema): text, then @mentions of the given people. */
export function commentBody(text: string, mentions: { id: string; name: string }[] = []): JSONContent {
  const content: JSONContent[] = [{ type: "text", text }];
  for (const m of mentions)
    content.push({ type: "text", text: " " }, { type: "mention", attrs: { id: m.id, label: m.name } });
  return { type: "doc", content: [{ type: "paragraph", content }] };
}

/** A section-level thread (or one on `quote` at `offset`), through the domain function. */
export async function createTestThread(
  caller: DocCaller,
  docId: string,
  opts: {
    sectionKey?: string;
    text?: string;
    quote?: string;
    offset?: number;
    blocking?: boolean;
    guestName?: string;
  } = {},
) {
  return createThread(caller, docId, {
    sectionKey: opts.sectionKey ?? "design-overview",
    anchor: opts.quote ? { quote: opts.quote, offset: opts.offset ?? 0 } : null,
    body: commentBody(opts.text ?? "A question about this"),
    blocking: opts.blocking ?? false,
    guestName: opts.guestName,
  });
}
