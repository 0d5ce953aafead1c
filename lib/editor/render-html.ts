import type { JSONContent } from "@tiptap/core";
import { attrs, escapeText } from "./escape";
import { highlightCodeToHTML } from "./highlight-html";
import { renderImage } from "./render-image";
import { renderMarkClose, renderMarkOpen, sameMark, type MarkJSON } from "./render-marks";
import { githubSlug } from "@/lib/markdown/slug";

/**
 * JSON → HTML without a DOM, for the read view and the first paint of every
 * section (generateHTML builds a schema and a DOM window per call: ~90 ms a page).
 *
 * The markup follows what the Tiptap editor itself puts on screen (node views
 * included: the table wrapper and colgroup, the task-item checkbox, the empty-line
 * <br>), so swapping the static HTML for a live editor does not move anything.
 *
 * Input is stored content, already checked by parseSectionContent; still, every
 * text and attribute is escaped here, links are re-checked, and unknown node
 * types print only their children, so bad old data cannot become markup.
 */

// ProseMirror shows an empty line with this <br>; without it an empty paragraph
// collapses to zero height and the page jumps when the editor mounts.
const TRAILING_BREAK = '<br class="ProseMirror-trailingBreak">';
const CELL_MIN_WIDTH = 25; // TableKit's default cellMinWidth

type Attrs = Record<string, unknown>;
const attrsOf = (node: JSONContent): Attrs => (node.attrs ?? {}) as Attrs;
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const int = (v: unknown, fallback: number): number => (typeof v === "number" && Number.isSafeInteger(v) ? v : fallback);

function renderInline(nodes: readonly JSONContent[]): string {
  let out = "";
  let open: MarkJSON[] = [];
  for (const node of nodes) {
    const marks = (node.marks ?? []) as MarkJSON[];
    // Keep the marks this node shares with the previous one open, as ProseMirror's
    // DOMSerializer does: one <a> around "bold and plain" link text, not two.
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!, marks[keep]!)) keep++;
    for (let i = open.length - 1; i >= keep; i--) out += renderMarkClose(open[i]!);
    open = open.slice(0, keep);
    for (let i = keep; i < marks.length; i++) {
      out += renderMarkOpen(marks[i]!);
      open.push(marks[i]!);
    }
    out += renderInlineNode(node);
  }
  for (let i = open.length - 1; i >= 0; i--) out += renderMarkClose(open[i]!);
  const last = nodes[nodes.length - 1];
  if (!last || last.type === "hardBreak") out += TRAILING_BREAK;
  return out;
}

function renderInlineNode(node: JSONContent): string {
  switch (node.type) {
    case "text":
      return escapeText(node.text ?? "");
    case "hardBreak":
      return "<br>";
    case "footnoteReference": {
      const label = str(attrsOf(node).label) ?? "";
      const pairs = { "data-footnote": label, class: "footnote-ref" };
      const link = `<a${attrs({ href: `#fn-${label}`, id: `fnref-${label}` })}>${escapeText(label)}</a>`;
      return `<sup${attrs(pairs)}>${link}</sup>`;
    }
    case "mention": {
      const a = attrsOf(node);
      const label = str(a.label) ?? str(a.id) ?? "";
      const char = str(a.mentionSuggestionChar) ?? "@";
      // In the order the editor's own serializer writes them (class first), so swapping in the editor changes nothing.
      const pairs = {
        class: "mention",
        "data-type": "mention",
        "data-id": str(a.id),
        "data-label": str(a.label),
        "data-mention-suggestion-char": char,
      };
      return `<span${attrs(pairs)}>${escapeText(char + label)}</span>`;
    }
    default:
      return "";
  }
}

function plainText(node: JSONContent): string {
  return (node.content ?? []).map((n) => (n.type === "text" ? (n.text ?? "") : "")).join("");
}

function children(node: JSONContent): string {
  let out = "";
  for (const child of node.content ?? []) out += renderBlock(child);
  return out;
}

function wrap(tag: string, inner: string, attributes = ""): string {
  return `<${tag}${attributes}>${inner}</${tag}>`;
}

function renderCodeBlock(node: JSONContent): string {
  const language = str(attrsOf(node).language);
  const code = (node.content ?? []).map((n) => n.text ?? "").join("");
  const trailing = code === "" || code.endsWith("\n") ? TRAILING_BREAK : "";
  const codeAttrs = attrs({ class: language ? `language-${language}` : null });
  return `<pre><code${codeAttrs}>${highlightCodeToHTML(code, language)}${trailing}</code></pre>`;
}

function renderTable(node: JSONContent): string {
  const firstRow = node.content?.[0]?.content ?? [];
  let cols = "";
  let total = 0;
  let fixed = true;
  for (const cell of firstRow) {
    const a = attrsOf(cell);
    const widths = Array.isArray(a.colwidth) ? (a.colwidth as unknown[]) : [];
    for (let i = 0; i < int(a.colspan, 1); i++) {
      const width = int(widths[i], 0);
      total += width || CELL_MIN_WIDTH;
      if (!width) fixed = false;
      const colStyle = width ? `width: ${Math.max(width, CELL_MIN_WIDTH)}px` : `min-width: ${CELL_MIN_WIDTH}px`;
      cols += `<col style="${colStyle}">`;
    }
  }
  const style = fixed ? `width: ${total}px` : `min-width: ${total}px`;
  return (
    `<div class="tableWrapper"><table style="${style}"><colgroup>${cols}</colgroup>` +
    `<tbody>${children(node)}</tbody></table></div>`
  );
}

function renderCell(node: JSONContent, tag: "td" | "th"): string {
  const a = attrsOf(node);
  const colspan = int(a.colspan, 1);
  const rowspan = int(a.rowspan, 1);
  const align = ["left", "center", "right"].includes(a.align as string) ? `text-align: ${a.align as string}` : null;
  const colwidth =
    Array.isArray(a.colwidth) && a.colwidth.every((w) => typeof w === "number") ? a.colwidth.join(",") : null;
  const pairs = {
    colspan: colspan === 1 ? null : colspan,
    rowspan: rowspan === 1 ? null : rowspan,
    colwidth,
    style: align,
  };
  return wrap(tag, children(node), attrs(pairs));
}

function renderTaskItem(node: JSONContent): string {
  const checked = attrsOf(node).checked === true;
  const boxAttrs = { type: "checkbox", checked, disabled: true, "aria-label": checked ? "Done" : "Not done" };
  const box = `<input${attrs(boxAttrs)}>`;
  const label = `<label contenteditable="false">${box}<span></span></label>`;
  return `<li data-type="taskItem" data-checked="${checked}">${label}<div>${children(node)}</div></li>`;
}

function renderOrderedList(node: JSONContent): string {
  const a = attrsOf(node);
  const start = int(a.start, 1);
  const type = ["a", "A", "i", "I"].includes(a.type as string) ? (a.type as string) : null;
  return wrap("ol", children(node), attrs({ start: start === 1 ? null : start, type }));
}

function renderBlock(node: JSONContent): string {
  switch (node.type) {
    case "paragraph":
      return wrap("p", renderInline(node.content ?? []));
    case "heading": {
      const level = Math.min(Math.max(int(attrsOf(node).level, 1), 1), 6);
      // A heading made in the editor has no id yet: its anchor is its text's, as on GitHub.
      const id = str(attrsOf(node).id) ?? (githubSlug(plainText(node)) || null);
      return wrap(`h${level}`, renderInline(node.content ?? []), attrs({ id }));
    }
    case "details":
      return wrap("details", children(node), ' class="details"');
    case "detailsSummary":
      return wrap("summary", renderInline(node.content ?? []), ' class="details-summary"');
    case "detailsContent":
      return wrap("div", children(node), ' class="details-content"');
    case "footnotes":
      return wrap("ol", children(node), ' class="footnotes"');
    case "footnote": {
      const label = str(attrsOf(node).label) ?? "";
      const backLabel = `Back to reference ${label}`;
      const back = `<a${attrs({ href: `#fnref-${label}`, class: "footnote-backref", "aria-label": backLabel })}>↩</a>`;
      return wrap("li", children(node) + back, attrs({ "data-footnote": label, id: `fn-${label}` }));
    }
    case "blockquote":
      return wrap("blockquote", children(node));
    case "bulletList":
      return wrap("ul", children(node));
    case "orderedList":
      return renderOrderedList(node);
    case "listItem":
      return wrap("li", children(node));
    case "taskList":
      return wrap("ul", children(node), ' data-type="taskList"');
    case "taskItem":
      return renderTaskItem(node);
    case "codeBlock":
      return renderCodeBlock(node);
    case "horizontalRule":
      return "<hr>";
    case "table":
      return renderTable(node);
    case "tableRow":
      return wrap("tr", children(node));
    case "tableHeader":
      return renderCell(node, "th");
    case "tableCell":
      return renderCell(node, "td");
    case "image":
      return renderImage(node);
    default:
      return children(node);
  }
}

/** HTML for a stored doc (section content or comment body), safe to inject as-is. */
export function renderDocToHTML(doc: JSONContent): string {
  return doc.type === "doc" ? children(doc) : "";
}
