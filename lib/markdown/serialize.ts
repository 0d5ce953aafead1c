import type { JSONContent } from "@tiptap/core";
import { githubSlug, type Slugger } from "./slug";
import { serializeInline } from "./serialize-inline";
import { inlineText } from "./walk";

/**
 * Section JSON → GitHub-flavoured Markdown that lib/markdown/parse reads back as
 * the same JSON: text is escaped wherever Markdown could take it for syntax, what
 * Markdown lacks is written as the HTML our parser maps (`<sup>`, `<kbd>`,
 * `<details>`, `<a id>`), footnotes as `[^n]`. Comment anchors are dropped
 * (threads live in the app).
 */

type Ctx = { headingIds: boolean; slugger?: Slugger };

/** A paragraph line that Markdown would read as a block marker gets its marker escaped. */
function escapeLineStarts(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/^(\s*)([#>+=-])/, "$1\\$2")
        .replace(/^(\s*\d{1,9})([.)])/, "$1\\$2")
        .replace(/^ {4,}/, (m) => "&#32;".repeat(m.length)),
    )
    .join("\n");
}

const indent = (text: string, prefix: string, first = prefix) =>
  text
    .split("\n")
    .map((line, i) => (line ? (i === 0 ? first : prefix) + line : line))
    .join("\n");

function codeFence(node: JSONContent): string {
  const text = (node.content ?? []).map((n) => n.text ?? "").join("");
  let longest = 2;
  for (const run of text.match(/^ {0,3}(`{3,}|~{3,})/gm) ?? []) longest = Math.max(longest, run.trim().length);
  const fence = "`".repeat(longest + 1);
  const language = typeof node.attrs?.language === "string" ? node.attrs.language : "";
  return `${fence}${language}\n${text}${text ? "\n" : ""}${fence}`;
}

function list(node: JSONContent, ctx: Ctx): string {
  const start = Number(node.attrs?.start ?? 1) || 1;
  const items = node.content ?? [];
  const loose = items.some((item) => (item.content?.length ?? 0) > 1);
  return items
    .map((item, i) => {
      let marker = "- ";
      if (node.type === "orderedList") marker = `${start + i}. `;
      if (node.type === "taskList") marker = item.attrs?.checked ? "- [x] " : "- [ ] ";
      const body = blocks(item.content ?? [], ctx) || "";
      const pad = " ".repeat(node.type === "taskList" ? 2 : marker.length);
      return (
        indent(body, pad, marker)
          .replace(/^(- \[[ x]\] )$/, "$1")
          .trimEnd() || marker.trimEnd()
      );
    })
    .join(loose ? "\n\n" : "\n");
}

function table(node: JSONContent): string {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).map((cell) => {
      const paragraphs = (cell.content ?? []).map((b) =>
        b.type === "paragraph" || b.type === "heading" ? serializeInline(b.content ?? [], { inTable: true }) : "",
      );
      return paragraphs.filter(Boolean).join("<br>") || " ";
    }),
  );
  const first = node.content?.[0]?.content ?? [];
  const width = Math.max(...rows.map((r) => r.length), 1);
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? " ").join(" | ")} |`;
  const align = Array.from({ length: width }, (_, i) => {
    const a = first[i]?.attrs?.align;
    return a === "center" ? ":---:" : a === "right" ? "---:" : a === "left" ? ":---" : "---";
  });
  return [line(rows[0] ?? []), `| ${align.join(" | ")} |`, ...rows.slice(1).map(line)].join("\n");
}

function heading(node: JSONContent, ctx: Ctx): string {
  const level = Math.min(Math.max(Number(node.attrs?.level) || 3, 1), 6);
  const text = serializeInline(node.content ?? []);
  const id = typeof node.attrs?.id === "string" ? node.attrs.id : null;
  // GitHub derives the anchor from the text; an id that differs (edited text, a renamed target) is written out.
  const expected = ctx.slugger ? ctx.slugger.slug(inlineText(node)) : githubSlug(inlineText(node));
  const anchor = ctx.headingIds && id && id !== expected ? ` <a id="${id}"></a>` : "";
  return `${"#".repeat(level)} ${text}${anchor}`;
}

function details(node: JSONContent, ctx: Ctx): string {
  const [summary, content] = node.content ?? [];
  const title = inlineText(summary ?? {})
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  return `<details>\n<summary>${title}</summary>\n\n${blocks(content?.content ?? [], ctx)}\n\n</details>`;
}

function footnotes(node: JSONContent, ctx: Ctx): string {
  return (node.content ?? [])
    .map((note) => indent(blocks(note.content ?? [], ctx), "    ", `[^${String(note.attrs?.label ?? "")}]: `))
    .join("\n\n");
}

const attr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * `![alt](src "caption")`, or an `<img>` when the image has a size Markdown cannot say
 * (width presets, pixel size): the parser reads either back as the same image.
 */
function image(node: JSONContent): string {
  const a = node.attrs ?? {};
  const src = String(a.src ?? "");
  const caption = typeof a.caption === "string" && a.caption ? a.caption : null;
  if (a.width || a.height || a.size) {
    const pairs: [string, unknown][] = [
      ["src", src],
      ["alt", a.alt],
      ["title", caption],
      ["width", a.width],
      ["height", a.height],
      ["data-size", a.size],
    ];
    return `<img ${pairs
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `${k}="${attr(String(v))}"`)
      .join(" ")}>`;
  }
  const alt = String(a.alt ?? "").replace(/[\\[\]]/g, "\\$&");
  const dest = /[\s<>()]/.test(src) ? `<${src.replace(/[<>]/g, encodeURIComponent)}>` : src;
  return `![${alt}](${dest}${caption ? ` "${caption.replace(/["\\]/g, "\\$&")}"` : ""})`;
}

function block(node: JSONContent, ctx: Ctx): string {
  switch (node.type) {
    case "paragraph":
      return escapeLineStarts(serializeInline(node.content ?? []));
    case "heading":
      return heading(node, ctx);
    case "blockquote":
      return indent(blocks(node.content ?? [], ctx), "> ").replace(/^$/gm, ">");
    case "bulletList":
    case "orderedList":
    case "taskList":
      return list(node, ctx);
    case "codeBlock":
      return codeFence(node);
    case "horizontalRule":
      return "---";
    case "image":
      return image(node);
    case "table":
      return table(node);
    case "details":
      return details(node, ctx);
    case "footnotes":
      return footnotes(node, ctx);
    default:
      return blocks(node.content ?? [], ctx);
  }
}

function blocks(nodes: readonly JSONContent[], ctx: Ctx): string {
  return nodes
    .map((n) => block(n, ctx))
    .filter((s) => s !== "")
    .join("\n\n");
}

/**
 * One section's content as Markdown (no trailing newline). With a doc-wide
 * `slugger` (the export), a heading's id is written out exactly when GitHub's
 * anchor for it would differ.
 */
export function contentToMarkdown(doc: JSONContent, options: { headingIds?: boolean; slugger?: Slugger } = {}): string {
  return blocks(doc.content ?? [], { headingIds: options.headingIds ?? true, slugger: options.slugger });
}
