import { Mention } from "@tiptap/extension-mention";

/**
 * @-mentions, in section text and in comment bodies: one node (`mention`, attrs id and label) that the server
 * validates, renders as "@Name" (./render-html.ts, Markdown, text) and notifies from. The browser adds its
 * suggestion popup with `MentionNode.configure({ suggestion })`; the schema is the same either way.
 */
export const MentionNode = Mention.configure({ HTMLAttributes: { class: "mention" } });
