import type { JSONContent } from "@tiptap/core";

/** Every node under `roots`, depth first in document order, without recursion. */
export function* walk(roots: readonly JSONContent[]): Generator<JSONContent> {
  const stack: JSONContent[] = [...roots].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    const children = node.content ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The plain text of inline content (headings, summaries), hard breaks as spaces. */
export function inlineText(node: JSONContent): string {
  let out = "";
  for (const n of walk(node.content ?? [])) {
    if (n.type === "text") out += n.text ?? "";
    else if (n.type === "hardBreak") out += " ";
  }
  return out;
}
