import type { JSONContent } from "@tiptap/core";
import { Node, type Schema } from "@tiptap/pm/model";
import { ContentError, copyCheckedDoc } from "./check-json";
import { getCommentSchema } from "./comment-extensions";
import { getDocSchema } from "./extensions";
import { extractText } from "./text";

export { emptyDoc, extractText, isEmptyDoc } from "./text";

export const MAX_SECTION_BYTES = 512 * 1024;
export const MAX_COMMENT_BYTES = 10 * 1024;
/** Real documents nest < 15 levels (list in table in list...); 100 stops stack games. */
export const MAX_DEPTH = 100;

export type ParsedContent = { ok: true; doc: JSONContent; text: string } | { ok: false; message: string };

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatLimit(bytes: number): string {
  return `${bytes / 1024} KB`;
}

const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

function sizeProblem(input: unknown, maxBytes: number): string | null {
  let json: string | undefined;
  try {
    // No replacer: one that looked at every string for NUL was a large share of a 150 KB
    // import's time. JSON writes U+0000 as \u0000 after an even number of backslashes.
    json = JSON.stringify(input);
  } catch {
    // Cycles, BigInt, or nesting deep enough to overflow the stack.
    return "Content is not serialisable JSON";
  }
  if (json === undefined) return "Content must be a JSON object";
  // PostgreSQL's jsonb cannot hold U+0000 (22P05): say so instead of failing at the write.
  if (ESCAPED_NUL.test(json)) return "Content may not contain NUL characters (U+0000)";
  return utf8Length(json) > maxBytes ? `Content is larger than the ${formatLimit(maxBytes)} limit` : null;
}

function truncate(message: string): string {
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

function parseWith(input: unknown, schema: Schema, maxBytes: number): ParsedContent {
  const tooBig = sizeProblem(input, maxBytes);
  if (tooBig) return { ok: false, message: tooBig };
  try {
    const copy = copyCheckedDoc(input, schema, { maxDepth: MAX_DEPTH });
    const node = Node.fromJSON(schema, copy);
    node.check();
    // toJSON() is the canonical stored form: attribute defaults filled in, adjacent
    // text with equal marks merged, mark order fixed.
    const doc = node.toJSON() as JSONContent;
    return { ok: true, doc, text: extractText(doc) };
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, message: error.message };
    // ProseMirror's own messages ("Invalid content for node paragraph: <...>")
    // name the node and are safe to show; anything else is not ours to echo.
    if (error instanceof RangeError)
      return { ok: false, message: `Content does not fit the document structure: ${truncate(error.message)}` };
    return { ok: false, message: "Content is not a valid document" };
  }
}

/** Untrusted section JSON (from an action, an API call or an import) → storable doc. */
export function parseSectionContent(input: unknown): ParsedContent {
  return parseWith(input, getDocSchema(), MAX_SECTION_BYTES);
}

/** Untrusted comment-body JSON → storable doc (smaller schema, 10 KB). */
export function parseCommentBody(input: unknown): ParsedContent {
  return parseWith(input, getCommentSchema(), MAX_COMMENT_BYTES);
}
