import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { COMMENT_MARK } from "@/lib/editor/comment-mark";
import { getDocSchema } from "@/lib/editor/extensions";

/**
 * Where a text anchor is, in terms both sides can compute. The browser takes a DOM
 * Range inside the section's rendered content; `Range.toString()` concatenates the
 * text nodes with no separators, and the server-rendered HTML and the live editor
 * both print exactly the document's text nodes. So "the section's text" here is the
 * concatenation of every text node of the section JSON, and an anchor is an offset
 * into it plus the quoted words. Pure and DOM-free (runs in the save transaction).
 */
export type TextAnchor = { offset: number; quote: string };

type Piece = { start: number; pos: number; length: number };

function flatten(doc: Node): { text: string; pieces: Piece[] } {
  let text = "";
  const pieces: Piece[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    pieces.push({ start: text.length, pos, length: node.text!.length });
    text += node.text!;
    return false;
  });
  return { text, pieces };
}

/** Offset in the flat text → document position (the end of a piece maps to its end). */
function toPos(pieces: Piece[], offset: number, preferEnd: boolean): number | null {
  for (const p of pieces) {
    const inside = preferEnd
      ? offset > p.start && offset <= p.start + p.length
      : offset >= p.start && offset < p.start + p.length;
    if (inside) return p.pos + (offset - p.start);
  }
  return null;
}

function countOccurrences(haystack: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/**
 * The document range of an anchor: at `offset` when the quote is still there, else
 * at the quote's one occurrence anywhere (the text around it moved). Null when the
 * quote is gone or ambiguous: the caller then refuses (create) or falls back (save).
 */
export function findAnchorRange(doc: Node, anchor: TextAnchor): { from: number; to: number } | null {
  if (!anchor.quote.trim()) return null;
  const { text, pieces } = flatten(doc);
  let offset = text.startsWith(anchor.quote, anchor.offset) ? anchor.offset : -1;
  if (offset < 0) {
    const found = countOccurrences(text, anchor.quote);
    if (found.length !== 1) return null;
    offset = found[0]!;
  }
  const from = toPos(pieces, offset, false);
  const to = toPos(pieces, offset + anchor.quote.length, true);
  return from === null || to === null || to <= from ? null : { from, to };
}

/** Section JSON with the thread's comment mark over [from, to), in canonical stored form. */
export function addCommentMark(content: JSONContent, threadId: string, anchor: TextAnchor): JSONContent | null {
  const schema = getDocSchema();
  const doc = Node.fromJSON(schema, content);
  const range = findAnchorRange(doc, anchor);
  if (!range) return null;
  const tr = new Transform(doc).addMark(range.from, range.to, schema.marks[COMMENT_MARK]!.create({ threadId }));
  return tr.doc.toJSON() as JSONContent;
}

/** Each thread id marked in the section, with the words it covers now (in document order). */
export function markedThreads(content: JSONContent): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: JSONContent) => {
    if (node.type === "text") {
      for (const mark of node.marks ?? []) {
        const id = mark.type === COMMENT_MARK ? mark.attrs?.threadId : undefined;
        if (typeof id === "string") found.set(id, (found.get(id) ?? "") + (node.text ?? ""));
      }
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(content);
  return found;
}

/** Quotes are shown in thread lists and kept for re-anchoring; long selections keep their start. */
export const MAX_QUOTE = 2_000;

/**
 * Section JSON without comment marks: what reviewers sign off. A thread anchored or
 * re-anchored on some words is an annotation, not a change of the doc, so approval
 * hashes are taken over this form (lib/reviews/content.ts).
 */
export function withoutCommentMarks(content: unknown): unknown {
  if (!content || typeof content !== "object" || Array.isArray(content)) return content;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(content as JSONContent)) {
    if (k === "marks" && Array.isArray(v)) {
      const kept = v.filter((m: { type?: string }) => m?.type !== COMMENT_MARK);
      if (kept.length) out.marks = kept;
    } else if (k === "content" && Array.isArray(v))
      out.content = mergeText(v.map(withoutCommentMarks) as JSONContent[]);
    else out[k] = v;
  }
  return out;
}

/** Adjacent text with the same marks is one text node, as ProseMirror stores it (a mark removed may leave a split). */
function mergeText(nodes: JSONContent[]): JSONContent[] {
  const merged: JSONContent[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (
      last?.type === "text" &&
      node.type === "text" &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      merged[merged.length - 1] = { ...last, text: (last.text ?? "") + (node.text ?? "") };
    } else merged.push(node);
  }
  return merged;
}
