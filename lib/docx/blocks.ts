import type { JSONContent } from "@tiptap/core";
import {
  Bookmark,
  ExternalHyperlink,
  HeadingLevel,
  InternalHyperlink,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { imageBlocks, type EmbeddedImage } from "./image-blocks";
import { orderedListNumbering } from "./numbering";

export { ORDERED } from "./numbering";
const MONO = "Consolas";

type Ctx = {
  /** Where `/path` links and app images point from. */
  origin: string;
  /** Each ordered list numbers from its own start: a new instance of the numbering per list. */
  nextList: () => number;
  /** Uploaded images to embed, by image id (lib/docx/images.ts); any other image stays a link. */
  images?: ReadonlyMap<string, EmbeddedImage>;
};
type Inline = { bold?: boolean; italics?: boolean };

/** A section key (or heading id) as a Word bookmark name: letters, digits and _, at most 40, a letter first. */
export function bookmarkName(key: string): string {
  return `s_${key.replace(/[^A-Za-z0-9_]/g, "_")}`.slice(0, 40);
}

function absolute(href: string, origin: string): string {
  return href.startsWith("/") && !href.startsWith("//") ? `${origin}${href}` : href;
}

function runsOf(nodes: readonly JSONContent[], ctx: Ctx, base: Inline = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      out.push(new TextRun({ text: "", break: 1 }));
      continue;
    }
    if (node.type === "footnoteReference") {
      out.push(new TextRun({ text: `[${String(node.attrs?.label ?? "")}]`, superScript: true }));
      continue;
    }
    if (node.type === "mention") {
      out.push(new TextRun({ text: `@${String(node.attrs?.label ?? node.attrs?.id ?? "")}`, bold: true }));
      continue;
    }
    if (node.type !== "text" || !node.text) continue;
    const marks = new Map((node.marks ?? []).map((m) => [m.type, m]));
    const run = new TextRun({
      text: node.text,
      bold: base.bold || marks.has("bold"),
      italics: base.italics || marks.has("italic"),
      strike: marks.has("strike"),
      underline: marks.has("underline") || marks.has("link") ? {} : undefined,
      superScript: marks.has("superscript"),
      subScript: marks.has("subscript"),
      font: marks.has("code") || marks.has("kbd") ? MONO : undefined,
      style: marks.has("link") ? "Hyperlink" : undefined,
    });
    const href = String(marks.get("link")?.attrs?.href ?? "");
    if (!href) out.push(run);
    else if (href.startsWith("#"))
      out.push(new InternalHyperlink({ anchor: bookmarkName(href.slice(1)), children: [run] }));
    else out.push(new ExternalHyperlink({ link: absolute(href, ctx.origin), children: [run] }));
  }
  return out;
}

function codeBlock(node: JSONContent): Paragraph {
  const lines = (node.content ?? [])
    .map((n) => n.text ?? "")
    .join("")
    .split("\n");
  return new Paragraph({
    shading: { type: ShadingType.CLEAR, fill: "F1F5F9", color: "auto" },
    children: lines.map((line, i) => new TextRun({ text: line, font: MONO, size: 19, break: i > 0 ? 1 : 0 })),
  });
}

function list(node: JSONContent, ctx: Ctx, level: number): (Paragraph | Table)[] {
  const instance = node.type === "orderedList" ? ctx.nextList() : 0;
  const reference = node.type === "orderedList" ? orderedListNumbering(node.attrs) : "";
  const out: (Paragraph | Table)[] = [];
  for (const item of node.content ?? []) {
    const [first, ...rest] = item.content ?? [];
    const checked = node.type === "taskList" ? (item.attrs?.checked ? "☑ " : "☐ ") : "";
    const children = [...(checked ? [new TextRun(checked)] : []), ...runsOf(first?.content ?? [], ctx)];
    // A task's box is its marker: no bullet beside it.
    out.push(
      node.type === "orderedList"
        ? new Paragraph({ children, numbering: { reference, level, instance } })
        : node.type === "taskList"
          ? new Paragraph({ children, indent: { left: 360 * (level + 1) } })
          : new Paragraph({ children, bullet: { level } }),
    );
    for (const child of rest) out.push(...blocks([child], ctx, level + 1));
  }
  return out;
}

function table(node: JSONContent, ctx: Ctx): Table {
  const rows = (node.content ?? []).map(
    (row) =>
      new TableRow({
        tableHeader: (row.content ?? []).every((c) => c.type === "tableHeader"),
        children: (row.content ?? []).map((cell) => {
          const header = cell.type === "tableHeader";
          const inner = (cell.content ?? []).flatMap((b) =>
            b.type === "paragraph" ? [new Paragraph({ children: runsOf(b.content ?? [], ctx, { bold: header }) })] : [],
          );
          return new TableCell({
            columnSpan: Number(cell.attrs?.colspan ?? 1),
            rowSpan: Number(cell.attrs?.rowspan ?? 1),
            shading: header ? { type: ShadingType.CLEAR, fill: "F1F5F9", color: "auto" } : undefined,
            children: inner.length ? inner : [new Paragraph("")],
          });
        }),
      }),
  );
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** Inner headings (levels 3 and 4 in a section) sit under the section's Heading 1. */
const HEADINGS = { 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;

/** Tiptap blocks as Word paragraphs and tables; what Word has no block for reads as text. */
export function blocks(nodes: readonly JSONContent[], ctx: Ctx, listLevel = 0, quote = 0): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph":
        out.push(
          new Paragraph({
            children: runsOf(node.content ?? [], ctx),
            // A quote is indented with a rule at its left, as the page shows it.
            ...(quote
              ? {
                  indent: { left: 360 * quote },
                  border: { left: { style: "single", size: 12, color: "CBD5E1", space: 8 } },
                }
              : {}),
          }),
        );
        break;
      case "heading": {
        const level = Number(node.attrs?.level) === 4 ? 4 : 3;
        const runs = runsOf(node.content ?? [], ctx);
        // An inner heading's id is what `#id` links in the doc point at.
        const id = typeof node.attrs?.id === "string" && node.attrs.id ? node.attrs.id : null;
        const children = id ? [new Bookmark({ id: bookmarkName(id), children: runs })] : runs;
        out.push(new Paragraph({ heading: HEADINGS[level], children }));
        break;
      }
      case "bulletList":
      case "orderedList":
      case "taskList":
        out.push(...list(node, ctx, Math.min(listLevel, 8)));
        break;
      case "codeBlock":
        out.push(codeBlock(node));
        break;
      case "blockquote":
        out.push(...blocks(node.content ?? [], ctx, listLevel, quote + 1));
        break;
      case "horizontalRule":
        out.push(new Paragraph({ border: { bottom: { style: "single", size: 6, color: "CBD5E1", space: 1 } } }));
        break;
      case "image":
        out.push(...imageBlocks(node, { images: ctx.images, absolute: (href) => absolute(href, ctx.origin) }));
        break;
      case "table":
        out.push(table(node, ctx));
        break;
      case "detailsSummary":
        out.push(new Paragraph({ children: runsOf(node.content ?? [], ctx, { bold: true }) }));
        break;
      case "footnote":
        out.push(new Paragraph({ children: [new TextRun(`[${String(node.attrs?.label ?? "")}] `)] }));
        out.push(...blocks(node.content ?? [], ctx, listLevel));
        break;
      default:
        out.push(...blocks(node.content ?? [], ctx, listLevel, quote));
    }
  }
  return out;
}

/** A section's title as a Heading 1 that in-doc links (`#key`) jump to. */
export function sectionHeading(key: string, title: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    children: [new Bookmark({ id: bookmarkName(key), children: [new TextRun(title)] })],
  });
}
