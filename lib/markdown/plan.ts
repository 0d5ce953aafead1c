import type { JSONContent } from "@tiptap/core";
import type { FrontMatter } from "./front-matter";
import type { ParsedMarkdown } from "./parse";
import { chooseLevels, dropExportFooter, normaliseTitle, shiftHeadings, splitChunks, type Chunk } from "./sections";
import { HEADING_ID_PATTERN, Slugger } from "./slug";
import { inlineText, walk } from "./walk";

export type TemplateSectionRef = { key: string; title: string };

export type PlannedSection = {
  key: string;
  title: string;
  /** Not one of the template's sections: a section of this doc's own. */
  extra: boolean;
  /** null: the template section stays empty. */
  content: JSONContent | null;
  /** Where the section starts in the file (1-based), for messages. */
  line: number;
};

export type ImportPlan = {
  title: string | null;
  frontMatter: FrontMatter | null;
  sections: PlannedSection[];
};

export type PlanOptions = {
  template: readonly TemplateSectionRef[];
  fileTitle?: string | null;
  /** The workspace allows images from other sites (lib/markdown/images.ts); off by default. */
  remoteImages?: boolean;
};

const SECTION_KEY = /^[a-z0-9-]{1,60}$/;

function freeId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 1; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** A key for a section of the doc's own: its GitHub anchor when that is a valid key, so links keep working. */
function extraKey(title: string, anchor: string | undefined, taken: Set<string>): string {
  if (anchor && SECTION_KEY.test(anchor) && !taken.has(anchor)) return freeId(anchor, taken);
  const ascii = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 56)
    .replace(/-+$/, "");
  return freeId(ascii || "section", taken);
}

type Placed = { chunk: Chunk; key: string; title: string; extra: boolean };

function matchTemplate(chunks: Chunk[], template: readonly TemplateSectionRef[], gh: Map<JSONContent, string>) {
  const byTitle = new Map<string, string>();
  for (const t of template) byTitle.set(normaliseTitle(t.title), t.key);
  for (const t of template) if (!byTitle.has(normaliseTitle(t.key))) byTitle.set(normaliseTitle(t.key), t.key);
  const taken = new Set(template.map((t) => t.key));
  const assigned = new Set<string>();
  return chunks.map((chunk): Placed => {
    const key = chunk.heading ? byTitle.get(normaliseTitle(chunk.title)) : undefined;
    if (key && !assigned.has(key)) {
      assigned.add(key);
      return { chunk, key, title: template.find((t) => t.key === key)!.title, extra: false };
    }
    const anchor = chunk.heading ? gh.get(chunk.heading.node) : undefined;
    const title = chunk.title.slice(0, 200) || "Untitled section";
    return { chunk, key: extraKey(chunk.title, anchor, taken), title, extra: true };
  });
}

/** Heading ids: the anchor the file gave (`<a name>`), else GitHub's; never one already in use in the doc. */
function assignIds(placed: Placed[], gh: Map<JSONContent, string>, rewrite: Map<string, string>, taken: Set<string>) {
  for (const { chunk, key } of placed) {
    if (chunk.heading) for (const a of [gh.get(chunk.heading.node)!, ...chunk.heading.anchors]) rewrite.set(a, key);
    let nearest = key;
    for (const block of chunk.blocks) {
      for (const node of walk([block.node])) {
        if (node.type !== "heading") continue;
        const anchor = block.anchors.find((a) => HEADING_ID_PATTERN.test(a) && !taken.has(a));
        const slug = gh.get(node) ?? "";
        const id = anchor ? freeId(anchor, taken) : freeId(HEADING_ID_PATTERN.test(slug) ? slug : "heading", taken);
        node.attrs = { ...node.attrs, id };
        if (slug) rewrite.set(slug, id);
        nearest = id;
      }
      for (const a of block.anchors) if (!rewrite.has(a)) rewrite.set(a, nearest);
    }
  }
}

function rewriteLinks(nodes: readonly JSONContent[], rewrite: Map<string, string>): void {
  for (const node of walk(nodes)) {
    for (const mark of node.marks ?? []) {
      const href = mark.type === "link" ? String(mark.attrs?.href ?? "") : "";
      const target = href.startsWith("#") ? rewrite.get(href.slice(1)) : undefined;
      if (target) mark.attrs = { ...mark.attrs, href: `#${target}` };
    }
  }
}

/** Footnotes numbered doc-wide in order of first reference; each section ends with the notes it references first. */
export function placeFootnotes(contents: JSONContent[][], footnotes: Map<number, JSONContent[]>): void {
  const numbers = new Map<string, string>();
  for (const content of contents) {
    const notes: JSONContent[] = [];
    const queue: JSONContent[] = [...content];
    for (let i = 0; i < queue.length; i++) {
      for (const node of walk([queue[i]!])) {
        if (node.type !== "footnoteReference") continue;
        const raw = String(node.attrs?.label ?? "");
        if (!numbers.has(raw)) {
          numbers.set(raw, String(numbers.size + 1));
          const body = footnotes.get(Number(raw.slice(2))) ?? [];
          const blocks = body[0]?.type === "paragraph" ? body : [{ type: "paragraph" }, ...body];
          notes.push({ type: "footnote", attrs: { label: numbers.get(raw) }, content: blocks });
          queue.push(...body);
        }
        node.attrs = { label: numbers.get(raw) };
      }
    }
    if (notes.length) content.push({ type: "footnotes", content: notes });
  }
}

function order(placed: PlannedSection[], template: readonly TemplateSectionRef[]): PlannedSection[] {
  const after = new Map<string | null, PlannedSection[]>();
  let anchor: string | null = null;
  for (const p of placed) {
    if (!p.extra) anchor = p.key;
    else after.set(anchor, [...(after.get(anchor) ?? []), p]);
  }
  const out = [...(after.get(null) ?? [])];
  for (const t of template) {
    out.push(
      placed.find((p) => p.key === t.key) ?? { key: t.key, title: t.title, extra: false, content: null, line: 0 },
    );
    out.push(...(after.get(t.key) ?? []));
  }
  return out;
}

/**
 * A parsed file → the sections of a new doc: the title, then one section per
 * section-level heading (template sections by title, the others sections of the
 * doc's own, in their original place), heading levels kept below the section
 * title, anchors kept working, footnotes numbered, the export's footer and
 * placeholders left out. Pure and linear; runs in the parser's worker.
 */
export function buildImportPlan(parsed: ParsedMarkdown, options: PlanOptions): ImportPlan {
  const blocks = dropExportFooter(parsed.blocks);
  const { titleBlock, sectionLevel } = chooseLevels(blocks, options.fileTitle, parsed.frontMatter?.title);
  const title = (titleBlock ? inlineText(titleBlock.node).trim() : "") || parsed.frontMatter?.title || null;
  const slugger = new Slugger();
  const gh = new Map<JSONContent, string>();
  for (const node of walk(blocks.map((b) => b.node)))
    if (node.type === "heading") gh.set(node, slugger.slug(inlineText(node)));

  const placed = matchTemplate(splitChunks(blocks, titleBlock, sectionLevel), options.template, gh);
  const rewrite = new Map<string, string>();
  const taken = new Set([...options.template.map((t) => t.key), ...placed.map((p) => p.key)]);
  assignIds(placed, gh, rewrite, taken);
  const contents = placed.map((p) => p.chunk.blocks.map((b) => b.node));
  for (const content of contents) shiftHeadings(content, sectionLevel);
  placeFootnotes(contents, parsed.footnotes);
  rewriteLinks(contents.flat(), rewrite);

  const sections = placed.map((p, i): PlannedSection => ({
    key: p.key,
    title: p.title,
    extra: p.extra,
    content: contents[i]!.length ? { type: "doc", content: contents[i] } : null,
    line: p.chunk.line,
  }));
  return { title, frontMatter: parsed.frontMatter, sections: order(sections, options.template) };
}
