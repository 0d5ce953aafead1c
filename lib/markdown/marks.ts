import type { JSONContent } from "@tiptap/core";

type Mark = NonNullable<JSONContent["marks"]>[number];

/**
 * Marks Markdown can stack but the schema cannot: inline code keeps only a link
 * (and a comment anchor) around it, super- and subscript exclude each other, and a
 * mark nested in itself (`*a _b_ c*`) counts once. The outermost of equal marks wins.
 */
const CODE_COMPANIONS = new Set(["code", "link", "comment"]);

export function normaliseMarks(marks: readonly Mark[]): Mark[] | undefined {
  const seen = new Set<string>();
  const hasCode = marks.some((m) => m.type === "code");
  const out: Mark[] = [];
  for (const mark of marks) {
    if (seen.has(mark.type)) continue;
    if (hasCode && !CODE_COMPANIONS.has(mark.type)) continue;
    if (mark.type === "subscript" && seen.has("superscript")) continue;
    if (mark.type === "superscript" && seen.has("subscript")) continue;
    seen.add(mark.type);
    out.push(mark);
  }
  return out.length ? out : undefined;
}
