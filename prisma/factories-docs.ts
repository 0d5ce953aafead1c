import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/auth/session";
import { createDoc } from "@/lib/docs/create-doc";
import { saveSection } from "@/lib/docs/save-section";

export const paragraph = (text: string): JSONContent => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

/** A doc from the built-in template, optionally with some sections written. */
export async function createTestDoc(
  actor: Actor,
  workspaceId: string,
  opts: { title?: string; sections?: Record<string, string> } = {},
) {
  const doc = await createDoc(actor, workspaceId, { title: opts.title ?? "Payments service v2" });
  for (const [key, text] of Object.entries(opts.sections ?? {}))
    await saveSection(actor, doc.id, key, { baseVersion: 1, content: paragraph(text) });
  return doc;
}
