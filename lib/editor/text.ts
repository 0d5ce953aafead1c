import type { JSONContent } from "@tiptap/core";

/** Inline leaves of both schemas; everything else with content is a block. */
const INLINE_TYPES = new Set(["text", "hardBreak", "mention", "footnoteReference"]);

export function emptyDoc(): JSONContent {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/** "Empty" as a reader sees it: nothing but blank paragraphs. */
export function isEmptyDoc(json: JSONContent | null | undefined): boolean {
  if (!json || json.type !== "doc") return true;
  return (json.content ?? []).every(
    (block) =>
      block.type === "paragraph" &&
      (block.content ?? []).every((n) => n.type === "hardBreak" || (n.type === "text" && !n.text?.trim())),
  );
}

function inlineText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  if (node.type === "mention") return `@${String(node.attrs?.label ?? node.attrs?.id ?? "")}`;
  if (node.type === "footnoteReference") return `[${String(node.attrs?.label ?? "")}]`;
  return "";
}

function blockText(node: JSONContent): string {
  // An image's words are its caption (or, without one, its alt text): searchable like the text around it.
  if (node.type === "image") return String(node.attrs?.caption ?? node.attrs?.alt ?? "");
  const children = node.content ?? [];
  if (children.length === 0) return "";
  if (INLINE_TYPES.has(children[0]!.type ?? "")) return children.map(inlineText).join("");
  // Cells of a row read across on one line, so a search hit shows the whole row.
  const separator = node.type === "tableRow" ? "\t" : "\n";
  // Blank paragraphs carry no words; leaving them out keeps the text stable across
  // editors and Markdown, which both treat them as spacing.
  return children
    .map(blockText)
    .filter((t) => t.length > 0)
    .join(separator);
}

/**
 * Plain text of a document, one line per block (table rows tab-separated).
 * Used for search and for text diffs between versions, so the same words
 * always give the same string whatever the marks around them.
 */
export function extractText(json: JSONContent): string {
  return blockText(json).trim();
}
