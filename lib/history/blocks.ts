import type { JSONContent } from "@tiptap/core";
import { canonicalJson } from "@/lib/docs/canonical-json";
import { withoutCommentMarks } from "@/lib/comments/anchors";

/**
 * A section's Tiptap doc flattened into the blocks a reader sees one after another:
 * paragraphs, headings, code blocks, list items (with their depth), table (whole, by
 * cells), images and rules. The rich diff aligns these, then diffs the words inside
 * the ones that changed. Client-safe and pure.
 */
export type BlockKind =
  | "paragraph"
  | "heading"
  | "code"
  | "bullet"
  | "ordered"
  | "task"
  | "table"
  | "image"
  | "rule"
  | "summary"
  | "footnote";

export type Block = {
  kind: BlockKind;
  /** List nesting (0 outside lists). */
  depth: number;
  /** Inside a blockquote. */
  quote: boolean;
  /** Heading level, or a task item's checked state as 1/0. */
  level?: number;
  checked?: boolean;
  language?: string;
  /** The words a reader sees; for tables the rows joined by newlines, cells by tabs. */
  text: string;
  /** Tables only: each row's cell texts. */
  cells?: string[][];
  /** Identity for alignment: kind, attributes, text and marks (comment marks left out: they are annotations). */
  sig: string;
};

const INLINE = new Set(["text", "hardBreak", "mention", "footnoteReference"]);

function inlineText(nodes: readonly JSONContent[]): string {
  let out = "";
  for (const n of nodes) {
    if (n.type === "text") out += n.text ?? "";
    else if (n.type === "hardBreak") out += "\n";
    else if (n.type === "mention") out += `@${String(n.attrs?.label ?? n.attrs?.id ?? "")}`;
    else if (n.type === "footnoteReference") out += `[${String(n.attrs?.label ?? "")}]`;
  }
  return out;
}

/** Text of any node: inline content directly, block content line by line. */
function nodeText(node: JSONContent): string {
  const kids = node.content ?? [];
  if (kids.length === 0) return "";
  if (INLINE.has(kids[0]!.type ?? "")) return inlineText(kids);
  return kids
    .map(nodeText)
    .filter((t) => t !== "")
    .join("\n");
}

type Ctx = { depth: number; quote: boolean };

function make(kind: BlockKind, node: JSONContent, ctx: Ctx, text: string, extra: Partial<Block> = {}): Block {
  // Marks and attributes are part of the identity, so a bold-only edit shows as changed.
  const sig = canonicalJson([kind, ctx.depth, ctx.quote, withoutCommentMarks(node)]);
  return { kind, depth: ctx.depth, quote: ctx.quote, text, sig, ...extra };
}

function listItems(list: JSONContent, ctx: Ctx, out: Block[]): void {
  const kind: BlockKind = list.type === "orderedList" ? "ordered" : list.type === "taskList" ? "task" : "bullet";
  for (const item of list.content ?? []) {
    const own = (item.content ?? []).filter((c) => !isList(c));
    const text = own
      .map(nodeText)
      .filter((t) => t !== "")
      .join("\n");
    const checked = kind === "task" ? item.attrs?.checked === true : undefined;
    out.push(make(kind, { ...item, content: own }, ctx, text, checked === undefined ? {} : { checked }));
    for (const child of item.content ?? []) {
      if (isList(child)) listItems(child, { ...ctx, depth: ctx.depth + 1 }, out);
    }
  }
}

function isList(node: JSONContent): boolean {
  return node.type === "bulletList" || node.type === "orderedList" || node.type === "taskList";
}

function tableCells(table: JSONContent): string[][] {
  return (table.content ?? []).map((row) => (row.content ?? []).map((cell) => nodeText(cell)));
}

function walk(nodes: readonly JSONContent[], ctx: Ctx, out: Block[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph":
        out.push(make("paragraph", node, ctx, nodeText(node)));
        break;
      case "heading":
        out.push(make("heading", node, ctx, nodeText(node), { level: Number(node.attrs?.level ?? 2) }));
        break;
      case "codeBlock": {
        const language = typeof node.attrs?.language === "string" ? node.attrs.language : undefined;
        out.push(make("code", node, ctx, nodeText(node), language ? { language } : {}));
        break;
      }
      case "bulletList":
      case "orderedList":
      case "taskList":
        listItems(node, ctx, out);
        break;
      case "table": {
        const cells = tableCells(node);
        out.push(make("table", node, ctx, cells.map((r) => r.join("\t")).join("\n"), { cells }));
        break;
      }
      case "image":
        out.push(make("image", node, ctx, String(node.attrs?.caption || node.attrs?.alt || "image")));
        break;
      case "horizontalRule":
        out.push(make("rule", node, ctx, ""));
        break;
      case "blockquote":
        walk(node.content ?? [], { ...ctx, quote: true }, out);
        break;
      case "details":
        walk(node.content ?? [], ctx, out);
        break;
      case "detailsSummary":
        out.push(make("summary", node, ctx, nodeText(node)));
        break;
      case "detailsContent":
      case "footnotes":
        walk(node.content ?? [], ctx, out);
        break;
      case "footnote":
        out.push(make("footnote", node, ctx, `[${String(node.attrs?.label ?? "")}] ${nodeText(node)}`));
        break;
      default:
        // A node this list does not know still shows its words rather than vanishing from the diff.
        if ((node.content ?? []).length > 0) out.push(make("paragraph", node, ctx, nodeText(node)));
    }
  }
}

export function toBlocks(doc: unknown): Block[] {
  const out: Block[] = [];
  const root = doc as JSONContent | null;
  if (root && typeof root === "object" && Array.isArray(root.content))
    walk(root.content, { depth: 0, quote: false }, out);
  return out;
}
