import type { JSONContent } from "@tiptap/core";
import type { LinedBlock } from "./blocks";
import { inlineText, walk } from "./walk";

export type Chunk = { heading: LinedBlock | null; title: string; blocks: LinedBlock[]; line: number };

const PLACEHOLDER = "Not written yet.";

export const normaliseTitle = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const isHeading = (b: LinedBlock, level?: number) =>
  b.node.type === "heading" && (level === undefined || b.node.attrs?.level === level);

/** The derived footer the export writes last ("**Last Updated:** … **Reviewed By:** …"): records, not content. */
function isExportFooter(block: LinedBlock): boolean {
  if (block.node.type !== "paragraph") return false;
  const first = block.node.content?.[0];
  if (!first?.marks?.some((m) => m.type === "bold") || first.text !== "Last Updated:") return false;
  return /^Last Updated: .* by .*\s+Reviewed By: .*$/s.test(inlineText(block.node));
}

export function dropExportFooter(blocks: LinedBlock[]): LinedBlock[] {
  const last = blocks[blocks.length - 1];
  // The rule before it stays: it ends the last section, as a rule ends every section of an export.
  return last && isExportFooter(last) ? blocks.slice(0, -1) : blocks;
}

/** The export's "_Not written yet._" stands for an empty section; a trailing rule is its section separator. */
function sectionBody(blocks: LinedBlock[]): LinedBlock[] {
  // One rule: the separator. A rule the section itself ends with was written before it, and stays.
  const end = blocks[blocks.length - 1]?.node.type === "horizontalRule" ? blocks.length - 1 : blocks.length;
  const body = blocks.slice(0, end);
  const only = body.length === 1 ? body[0]!.node : null;
  const text = only?.content?.length === 1 ? only.content[0]! : null;
  if (only?.type === "paragraph" && text?.text === PLACEHOLDER && text.marks?.[0]?.type === "italic") return [];
  return body;
}

export function chooseLevels(blocks: LinedBlock[], fileTitle: string | null | undefined, fmTitle: string | undefined) {
  const h1 = blocks.filter((b) => isHeading(b, 1));
  // A doc with "#" for every section names itself elsewhere (front matter or its file name).
  if (h1.length >= 2 && (fmTitle || fileTitle)) return { titleBlock: null, sectionLevel: 1 };
  const titleBlock = h1[0] ?? null;
  const levels = blocks.filter((b) => isHeading(b) && b !== titleBlock).map((b) => Number(b.node.attrs?.level));
  return { titleBlock, sectionLevel: levels.length ? Math.min(...levels) : 2 };
}

export function splitChunks(blocks: LinedBlock[], titleBlock: LinedBlock | null, sectionLevel: number): Chunk[] {
  const chunks: Chunk[] = [{ heading: null, title: "", blocks: [], line: blocks[0]?.line ?? 1 }];
  for (const block of blocks) {
    if (block === titleBlock) continue;
    if (isHeading(block, sectionLevel)) {
      chunks.push({ heading: block, title: inlineText(block.node).trim(), blocks: [], line: block.line });
    } else chunks[chunks.length - 1]!.blocks.push(block);
  }
  for (const chunk of chunks) chunk.blocks = sectionBody(chunk.blocks);
  const [intro, ...rest] = chunks;
  if (intro!.blocks.length === 0) return rest;
  intro!.title = rest.length ? "Introduction" : "Imported text";
  return chunks;
}

/** Inner headings keep their hierarchy below the section title (the page's h2): the next level down is h3. */
export function shiftHeadings(blocks: JSONContent[], sectionLevel: number): void {
  for (const node of walk(blocks)) {
    if (node.type !== "heading") continue;
    const level = Number(node.attrs?.level) || 3;
    node.attrs = { ...node.attrs, level: Math.min(6, Math.max(3, level - sectionLevel + 2)) };
  }
}
