import type { HighlightRange } from "./lowlight";

/**
 * The colours of a section's code blocks as the server painted them, read back from its HTML (the read view the
 * editor replaces). The editor shows them until a block's text changes, so opening a section with code fetches no
 * highlighter (highlight.js core and grammars, ~11 KB gzip): it is fetched when code is edited (see
 * components/editor/code-highlight.ts). Reads only what lib/editor/render-html.ts writes for a code block
 * (`<pre><code class="language-…">`, hljs `<span class>`es, a trailing `<br>`); a block holding anything else is
 * left out, and the editor highlights it itself.
 */
export type HighlightSeeds = Map<string, HighlightRange[]>;

/** The key of a block in the seeds: its language attribute and its text. */
export const seedKey = (language: string | null, text: string) => `${language ?? ""}\u0000${text}`;

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

const BLOCK = /<pre><code(?: class="language-([^"]*)")?>([\s\S]*?)<\/code><\/pre>/g;
const TOKEN = /<span class="([^"]*)">|<\/span>|<br class="ProseMirror-trailingBreak">|([^<]+)|</g;

function readBlock(inner: string): { text: string; ranges: HighlightRange[] } | null {
  const classes: string[] = [];
  const ranges: HighlightRange[] = [];
  let text = "";
  for (const [token, open, chunk] of inner.matchAll(TOKEN)) {
    if (open !== undefined) classes.push(decode(open));
    else if (token === "</span>") {
      if (!classes.length) return null;
      classes.pop();
    } else if (chunk !== undefined) {
      const value = decode(chunk);
      const className = classes.filter(Boolean).join(" ");
      if (className) ranges.push({ from: text.length, to: text.length + value.length, className });
      text += value;
    } else if (token === "<") return null; // a tag the renderer does not write in code: not ours to read
  }
  return classes.length ? null : { text, ranges };
}

export function highlightSeeds(html: string): HighlightSeeds {
  const seeds: HighlightSeeds = new Map();
  for (const [, language, inner] of html.matchAll(BLOCK)) {
    const block = readBlock(inner!);
    if (block) seeds.set(seedKey(language === undefined ? null : decode(language), block.text), block.ranges);
  }
  return seeds;
}
