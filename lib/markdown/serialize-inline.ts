import type { JSONContent } from "@tiptap/core";

type Mark = NonNullable<JSONContent["marks"]>[number];

/** Outermost first: a link wraps everything, code sits innermost. */
const ORDER = ["link", "bold", "italic", "strike", "underline", "superscript", "subscript", "kbd", "code"];
const DELIMITED: Record<string, [string, string, string]> = {
  bold: ["**", "<strong>", "</strong>"],
  italic: ["*", "<em>", "</em>"],
  strike: ["~~", "<s>", "</s>"],
};
const TAGGED: Record<string, string> = { underline: "u", superscript: "sup", subscript: "sub", kbd: "kbd" };

const WORD = /[\p{L}\p{N}]/u;
const PUNCT = /[\p{P}\p{S}]/u;

/**
 * Text as Markdown that reads back as the same text: every character Markdown
 * could take for syntax is escaped, and URLs are kept from being autolinked.
 */
export function escapeInline(text: string, inTable: boolean): string {
  let out = text
    .replace(/[\\`*[\]<~]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&")
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace("_", "\\_"))
    .replace(/\b(https?|ftp|mailto):/gi, "$1\\:")
    .replace(/\bwww\./gi, "www\\.");
  if (inTable) out = out.replace(/\|/g, "\\|");
  return out;
}

function codeSpan(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== "" ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

function linkTarget(href: string, title: unknown): string {
  const dest = /[\s<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href.replace(/[()]/g, "\\$&");
  return typeof title === "string" && title ? `${dest} "${title.replace(/["\\]/g, "\\$&")}"` : dest;
}

const sameMark = (a: Mark, b: Mark) =>
  a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});
const sorted = (marks: Mark[] | undefined) =>
  [...(marks ?? [])]
    .filter((m) => ORDER.includes(m.type))
    .sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));

/** Whitespace at the edge of a bold/italic/strike run moves outside it (`** a**` would not be emphasis). */
export function splitEdges(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const delimited = node.marks?.filter((m) => DELIMITED[m.type]) ?? [];
    if (node.type !== "text" || !delimited.length || !node.text) {
      out.push(node);
      continue;
    }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text)!;
    const bare = node.marks!.filter((x) => !DELIMITED[x.type]);
    const plain = (text: string): JSONContent => ({ type: "text", text, marks: bare });
    if (m[1]) out.push(plain(m[1]));
    if (m[2]) out.push({ ...node, text: m[2] });
    if (m[3]) out.push(plain(m[3]));
  }
  return out;
}

const firstChar = (n: JSONContent | undefined) => (n?.type === "text" ? (n.text ?? "")[0] : n ? "x" : undefined);
const lastChar = (n: JSONContent | undefined) => (n?.type === "text" ? (n.text ?? "").slice(-1) : n ? "x" : undefined);

/** `**` only works where CommonMark's flanking rules let it; elsewhere the run is written as an HTML tag. */
function needsTag(inside: string | undefined, outside: string | undefined): boolean {
  return !!inside && PUNCT.test(inside) && !!outside && WORD.test(outside);
}

/** Inline nodes → Markdown, marks opened and closed as few times as possible (like prosemirror-markdown). */
export function serializeInline(input: readonly JSONContent[], opts: { inTable?: boolean } = {}): string {
  const nodes = splitEdges([...input]);
  let out = "";
  const open: { mark: Mark; close: string }[] = [];
  nodes.forEach((node, i) => {
    const marks = sorted(node.marks);
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!.mark, marks[keep]!)) keep++;
    while (open.length > keep) out += open.pop()!.close;
    for (const mark of marks.slice(keep)) {
      if (mark.type === "code") continue;
      const runEnd = nodes.findIndex((n, j) => j > i && !n.marks?.some((m) => sameMark(m, mark)));
      const last = nodes[(runEnd === -1 ? nodes.length : runEnd) - 1];
      const [delim, openTag, closeTag] = DELIMITED[mark.type] ?? [];
      if (mark.type === "link") {
        out += "[";
        open.push({ mark, close: `](${linkTarget(String(mark.attrs?.href ?? ""), mark.attrs?.title)})` });
      } else if (delim) {
        const tag =
          needsTag(firstChar(node), lastChar(nodes[i - 1]) ?? out.slice(-1)) ||
          needsTag(lastChar(last), firstChar(runEnd === -1 ? undefined : nodes[runEnd]));
        out += tag ? openTag : delim;
        open.push({ mark, close: tag ? closeTag! : delim });
      } else if (TAGGED[mark.type]) {
        out += `<${TAGGED[mark.type]}>`;
        open.push({ mark, close: `</${TAGGED[mark.type]}>` });
      }
    }
    out += inlineNode(node, marks, opts);
  });
  while (open.length) out += open.pop()!.close;
  return out;
}

function inlineNode(node: JSONContent, marks: Mark[], opts: { inTable?: boolean }): string {
  switch (node.type) {
    case "text":
      if (!marks.some((m) => m.type === "code")) return escapeInline(node.text ?? "", !!opts.inTable);
      return opts.inTable ? codeSpan(node.text ?? "").replace(/\|/g, "\\|") : codeSpan(node.text ?? "");
    case "hardBreak":
      return opts.inTable ? "<br>" : "\\\n";
    case "footnoteReference":
      return `[^${String(node.attrs?.label ?? "")}]`;
    case "mention":
      return escapeInline(`@${String(node.attrs?.label ?? node.attrs?.id ?? "")}`, !!opts.inTable);
    default:
      return "";
  }
}
