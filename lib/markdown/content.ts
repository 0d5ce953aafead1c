import type { JSONContent } from "@tiptap/core";
import { parseMarkdown } from "./parse";
import { placeFootnotes } from "./plan";
import { shiftHeadings } from "./sections";
import { HEADING_ID_PATTERN, Slugger } from "./slug";
import { inlineText, walk } from "./walk";

/**
 * Markdown → one section's content (paste, templates, an API body): headings kept
 * in their order below the section title (the top level becomes h3) with GitHub's
 * anchors, footnotes at the end, front matter dropped. Pure and linear; for
 * untrusted input on a server use `convertMarkdown` from ./run (a worker with size
 * and time limits).
 */
export function markdownToContent(markdown: string): JSONContent {
  const parsed = parseMarkdown(markdown);
  const blocks = parsed.blocks.map((b) => b.node);
  const slugger = new Slugger();
  let top = 6;
  for (const node of walk(blocks)) {
    if (node.type !== "heading") continue;
    const slug = slugger.slug(inlineText(node));
    if (HEADING_ID_PATTERN.test(slug)) node.attrs = { ...node.attrs, id: slug };
    top = Math.min(top, Number(node.attrs?.level) || 6);
  }
  shiftHeadings(blocks, top - 1);
  placeFootnotes([blocks], parsed.footnotes);
  return { type: "doc", content: blocks.length ? blocks : [{ type: "paragraph" }] };
}
