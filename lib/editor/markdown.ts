import type { JSONContent } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import { MarkdownManager } from "@tiptap/markdown";
import { docExtensions } from "./extensions";
import { isSafeHref } from "./links";

/**
 * Section JSON ↔ GitHub-flavoured Markdown, through Tiptap's own MarkdownManager
 * (marked underneath; checked to run in plain Node, no DOM). It knows every node
 * of the doc extension list, so the grammar stays in step with the editor.
 *
 * Two things are ours on top:
 * 1. Raw HTML is always literal text. The manager would hand HTML to the DOM
 *    parser when a `window` exists (so a browser import would turn `<b>` into bold
 *    while the server keeps it as text); here it never does, anywhere.
 * 2. The result is brought inside the validator's rules: unsafe links lose their
 *    link (the words stay), fence info strings shrink to a language name.
 */

type HtmlToken = { raw?: string; text?: string; block?: boolean };
type ManagerInternals = { parseHTMLToken?: (token: HtmlToken) => JSONContent | null };

const LANGUAGE = /^[A-Za-z0-9_+#.-]{1,40}$/;
const BR_TAG = /^<br\s*\/?>$/i;

function htmlAsText(token: HtmlToken): JSONContent | null {
  const html = (token.text || token.raw || "").replace(/\s+$/, "");
  if (!html) return null;
  // Tables write a multi-line cell as "a<br>b": the one tag read back as what it means.
  if (BR_TAG.test(html)) return token.block ? null : { type: "hardBreak" };
  if (!token.block) return { type: "text", text: html };
  // A block keeps its line structure, so a pasted snippet still reads as one.
  const lines = html.split(/\r?\n/);
  const content = lines.flatMap((line, i): JSONContent[] => {
    const parts: JSONContent[] = i > 0 ? [{ type: "hardBreak" }] : [];
    return line ? [...parts, { type: "text", text: line }] : parts;
  });
  return { type: "paragraph", content };
}

/**
 * The doc list with Tiptap's own TableKit, whose Table node carries the table grammar
 * (the list's schema-only tables, ./table.ts, build the identical schema).
 */
export const markdownExtensions = docExtensions.map((extension) => (extension.name === "tableKit" ? TableKit : extension));

let manager: MarkdownManager | undefined;

function getManager(): MarkdownManager {
  if (manager) return manager;
  const created = new MarkdownManager({ extensions: markdownExtensions, indentation: { style: "space", size: 2 } });
  const internals = created as unknown as ManagerInternals;
  // INVARIANT: @tiptap/markdown is pinned (3.32.2); fail loudly if an upgrade
  // renames the hook instead of silently letting HTML through.
  if (typeof internals.parseHTMLToken !== "function") throw new Error("@tiptap/markdown: parseHTMLToken hook not found");
  internals.parseHTMLToken = htmlAsText;
  manager = created;
  return manager;
}

function cleanMarks(marks: JSONContent["marks"]): JSONContent["marks"] {
  const kept = (marks ?? []).filter((m) => m.type !== "link" || isSafeHref(m.attrs?.href));
  return kept.length > 0 ? kept : undefined;
}

function cleanNode(node: JSONContent, inCode: boolean): JSONContent | null {
  if (node.type === "text") {
    // A soft line break inside a Markdown paragraph means a space, not a new line.
    const text = inCode ? (node.text ?? "") : (node.text ?? "").replace(/[ \t]*\r?\n[ \t]*/g, " ");
    if (!text) return null;
    const marks = cleanMarks(node.marks);
    return marks ? { type: "text", text, marks } : { type: "text", text };
  }
  const out: JSONContent = { ...node };
  if (node.type === "codeBlock") {
    const language = String(node.attrs?.language ?? "").split(/\s+/)[0] ?? "";
    out.attrs = { ...node.attrs, language: LANGUAGE.test(language) ? language : null };
  }
  if (node.content) {
    const isCode = node.type === "codeBlock";
    out.content = node.content.map((child) => cleanNode(child, isCode)).filter((c): c is JSONContent => c !== null);
  }
  return out;
}

/**
 * Markdown → section JSON, inside the validator's node, mark and link rules.
 * Still run parseSectionContent before storing: the size and depth limits
 * (512 KB, 100 levels) can only be checked on the result. Cap the Markdown's
 * size before calling this with untrusted input.
 */
export function markdownToDoc(markdown: string): JSONContent {
  const parsed = getManager().parse(markdown);
  const doc = cleanNode(parsed, false) ?? { type: "doc" };
  // A doc needs at least one block; an empty import is an empty paragraph.
  if (!doc.content || doc.content.length === 0) doc.content = [{ type: "paragraph" }];
  return doc;
}

/** Collapse runs of blank lines the serializer leaves around tables, outside code fences. */
function tidyBlankLines(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) fence = fence === null ? marker : null;
    const blank = line.trim() === "";
    if (blank && fence === null && out.length > 0 && out[out.length - 1]!.trim() === "") continue;
    out.push(line);
  }
  return out.join("\n").trim() + "\n";
}

/** Section JSON → Markdown (comment anchors are dropped: threads live in the app). */
export function docToMarkdown(doc: JSONContent): string {
  return tidyBlankLines(getManager().serialize(doc));
}
