import type { JSONContent } from "@tiptap/core";
import { markdownToContent } from "@/lib/markdown/content";
import { contentToMarkdown } from "@/lib/markdown/serialize";

/**
 * Section JSON ↔ GitHub-flavoured Markdown, for code that holds trusted or
 * already size-checked text (built-in templates, tests). Both directions live in
 * lib/markdown: a linear parser (markdown-it, never @tiptap/markdown, whose
 * tokenizer is quadratic) and a serializer that parser reads back unchanged.
 * Untrusted Markdown on a server goes through lib/markdown/run (a worker).
 */
export function markdownToDoc(markdown: string): JSONContent {
  return markdownToContent(markdown);
}

/** Section JSON → Markdown (comment anchors are dropped: threads live in the app). */
export function docToMarkdown(doc: JSONContent): string {
  return `${contentToMarkdown(doc)}\n`;
}
