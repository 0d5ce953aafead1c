import type { JSONContent } from "@tiptap/core";
import { isEmptyDoc } from "@/lib/editor/text";
import { contentToMarkdown } from "./serialize";
import { escapeInline } from "./serialize-inline";
import { Slugger } from "./slug";
import { inlineText, walk } from "./walk";

export type ExportSection = { key: string; title: string; content: JSONContent };

/** Links to a section (`#key`) point at the anchor GitHub gives its `##` heading; ids of inner headings stay. */
function retarget(content: JSONContent, anchors: Map<string, string>): JSONContent {
  const copy = structuredClone(content);
  for (const node of walk([copy])) {
    for (const mark of node.marks ?? []) {
      const href = mark.type === "link" ? String(mark.attrs?.href ?? "") : "";
      const to = href.startsWith("#") ? anchors.get(href.slice(1)) : undefined;
      if (to) mark.attrs = { ...mark.attrs, href: `#${to}` };
    }
  }
  return copy;
}

/**
 * A doc as one Markdown file in the template's shape: `# Title`, one `##` per
 * section ("_Not written yet._" for an empty one), `---` between them, then
 * `footer`. lib/markdown/plan reads it back as the same sections.
 */
export function docToMarkdownFile(doc: { title: string; sections: ExportSection[] }, footer: string): string {
  // GitHub numbers repeated anchors in document order: a first pass finds each section's, the second writes.
  const dry = new Slugger();
  dry.slug(doc.title);
  const anchors = new Map<string, string>();
  for (const section of doc.sections) {
    anchors.set(section.key, dry.slug(section.title));
    if (isEmptyDoc(section.content)) continue;
    for (const node of walk([section.content])) if (node.type === "heading") dry.slug(inlineText(node));
  }
  const slugger = new Slugger();
  slugger.slug(doc.title);
  const parts = [`# ${escapeInline(doc.title, false)}`];
  for (const section of doc.sections) {
    slugger.slug(section.title);
    const body = isEmptyDoc(section.content)
      ? "_Not written yet._"
      : contentToMarkdown(retarget(section.content, anchors), { slugger });
    parts.push(`## ${escapeInline(section.title, false)}\n\n${body}`);
  }
  return `${parts.join("\n\n---\n\n")}\n\n---\n\n${footer}\n`;
}
