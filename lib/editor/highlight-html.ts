import { escapeAttr, escapeText } from "./escape";
import { DEFAULT_CODE_LANGUAGE, isKnownLanguage, lowlight } from "./lowlight-server";

type HastRoot = ReturnType<typeof lowlight.highlight>;
type HastNode = HastRoot["children"][number];

function hastToHTML(nodes: readonly HastNode[]): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += escapeText(node.value);
    else if (node.type === "element") {
      const className = node.properties.className;
      const classes = Array.isArray(className) ? className.join(" ") : "";
      out += `<span class="${escapeAttr(classes)}">${hastToHTML(node.children)}</span>`;
    }
  }
  return out;
}

/**
 * Highlighted, escaped HTML for the inside of `<code>`, using the editor's own
 * rule (./lowlight.ts `highlightRanges`): a known language
 * is highlighted as that language; no language, or one without a grammar
 * (`kotlin`), is plain text. Same input, same hljs-* spans in both places, so the
 * colours do not change when the editor takes over.
 */
export function highlightCodeToHTML(code: string, language: string | null | undefined): string {
  if (code.length === 0) return "";
  const lang = language && isKnownLanguage(language) ? language : DEFAULT_CODE_LANGUAGE;
  const key = `${lang}\u0000${code}`;
  const cached = recent.get(key);
  if (cached !== undefined) {
    // Most recently used last: the first entry is the one to drop.
    recent.delete(key);
    recent.set(key, cached);
    return cached;
  }
  const html = hastToHTML(lowlight.highlight(lang, code).children);
  remember(key, html);
  return html;
}

/**
 * Highlighted code blocks by language and text. Every save renders its section's HTML, and an autosave
 * almost always leaves the code blocks as they were: highlighting them again was the largest part of the
 * render (bench/pipeline-save.mjs). Bounded by characters held, least recently used out first.
 */
const recent = new Map<string, string>();
const MAX_CACHED_CHARS = 4_000_000;
let cachedChars = 0;

function remember(key: string, html: string): void {
  const size = key.length + html.length;
  if (size > MAX_CACHED_CHARS / 16) return;
  recent.set(key, html);
  cachedChars += size;
  for (const [oldKey, oldHtml] of recent) {
    if (cachedChars <= MAX_CACHED_CHARS) break;
    recent.delete(oldKey);
    cachedChars -= oldKey.length + oldHtml.length;
  }
}
