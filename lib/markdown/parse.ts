import type { JSONContent } from "@tiptap/core";
import MarkdownIt from "markdown-it";

type Parser = ReturnType<typeof MarkdownIt>;
import footnote from "markdown-it-footnote";
import { blocksToJson, type LinedBlock } from "./blocks";
import { footnoteTail } from "./footnote-tail";
import { splitFrontMatter, type FrontMatter } from "./front-matter";

/** Input that cannot be made into a doc, with the line it was found on. */
export class MarkdownError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

export type ParsedMarkdown = {
  frontMatter: FrontMatter | null;
  blocks: LinedBlock[];
  footnotes: Map<number, JSONContent[]>;
};

/** Quotes and lists nested deeper than this are not a design doc (and would nest past the schema's depth limit). */
export const MAX_NESTING = 40;

let instance: Parser | undefined;

/**
 * CommonMark + GitHub tables and strikethrough + footnotes, through markdown-it:
 * linear in the input on every hostile pattern we tried (bench/markdown-hostile),
 * unlike the tokenizer @tiptap/markdown builds (quadratic: STACK.md). Raw HTML is
 * tokenised so it can be mapped or shown as text; it is never rendered.
 */
function parser(): Parser {
  if (instance) return instance;
  const md = new MarkdownIt("default", { html: true, linkify: true, typographer: false, maxNesting: MAX_NESTING });
  md.use(footnote);
  md.core.ruler.at("footnote_tail", footnoteTail);
  // Every link is parsed as a link; lib/markdown/inline.ts decides which targets stay (the words always do).
  md.validateLink = () => true;
  // Autolink what GitHub autolinks ("https://…", "www.…"), not every word with a dot in it.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  instance = md;
  return md;
}

/** Markdown text → front matter + top-level Tiptap blocks with their source lines. Pure: runs anywhere. */
export function parseMarkdown(markdown: string, options: { remoteImages?: boolean } = {}): ParsedMarkdown {
  const { frontMatter, body, bodyLine } = splitFrontMatter(markdown.replace(/\r\n?/g, "\n").replaceAll("\0", "\ufffd"));
  const tokens = parser().parse(body, {});
  const parsed = blocksToJson(tokens, bodyLine, { remoteImages: options.remoteImages ?? false });
  if (parsed.maxLevel >= MAX_NESTING - 2) {
    const deep = tokens.find((t) => t.level >= MAX_NESTING - 2 && t.map);
    throw new MarkdownError(
      `Quotes or lists are nested more than ${MAX_NESTING / 2} levels deep`,
      deep?.map ? deep.map[0] + bodyLine : null,
    );
  }
  return { frontMatter, blocks: parsed.blocks, footnotes: parsed.footnotes };
}
