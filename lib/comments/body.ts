import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/errors";
import { parseCommentBody } from "@/lib/editor/validate";

export type CommentBody = { doc: JSONContent; text: string; mentionIds: string[] };

/**
 * Untrusted comment JSON → storable body, or INVALID_INPUT (422) with a message a
 * person can act on. The schema allows bold, italic, code, http(s)/mailto links,
 * bullet and ordered lists, hard breaks and mentions; 10 KB at most.
 */
export function parseBody(raw: unknown): CommentBody {
  const parsed = parseCommentBody(raw);
  if (!parsed.ok)
    throw new AppError("INVALID_INPUT", `Comment: ${parsed.message}`, { fieldErrors: { body: [parsed.message] } });
  if (!parsed.text.trim())
    throw new AppError("INVALID_INPUT", "Write something before sending.", {
      fieldErrors: { body: ["Write something before sending."] },
    });
  return { doc: parsed.doc, text: parsed.text, mentionIds: [...new Set(mentionsIn(parsed.doc).map((m) => m.id))] };
}

export function mentionsIn(doc: JSONContent): { id: string; label: string | null }[] {
  const found: { id: string; label: string | null }[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === "mention" && typeof node.attrs?.id === "string")
      found.push({ id: node.attrs.id, label: typeof node.attrs.label === "string" ? node.attrs.label : null });
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return found;
}

/**
 * Mention labels are typed by the browser; the server writes each person's current
 * name into them, so a mention cannot claim to be someone it is not.
 */
export function relabelMentions(doc: JSONContent, names: ReadonlyMap<string, string>): JSONContent {
  if (doc.type === "mention" && typeof doc.attrs?.id === "string") {
    const name = names.get(doc.attrs.id);
    return name ? { ...doc, attrs: { ...doc.attrs, label: name } } : doc;
  }
  return doc.content ? { ...doc, content: doc.content.map((c) => relabelMentions(c, names)) } : doc;
}
