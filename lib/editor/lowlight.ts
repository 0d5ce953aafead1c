import { createLowlight } from "lowlight";
import plaintext from "highlight.js/lib/languages/plaintext";
import { DEFAULT_CODE_LANGUAGE, isCodeLanguageId, type CodeLanguageId } from "./code-languages";

export { CODE_LANGUAGE_IDS, DEFAULT_CODE_LANGUAGE, isCodeLanguageId, type CodeLanguageId } from "./code-languages";

/**
 * One lowlight instance for the browser editor and the server renderer, so both
 * highlight a block the same way. A short list on purpose (`common` would add ~37).
 *
 * Only plain text is registered here. The browser editor fetches this module, and the
 * grammars a section actually uses with `loadCodeLanguages` (one small chunk each), only
 * when a code block has a language to highlight (components/editor/code-highlight.ts);
 * the server imports ./lowlight-server, which registers every grammar synchronously on
 * this same instance.
 */
export const lowlight = createLowlight({ plaintext });
// Diagram sources (`mermaid` blocks, drawn by components/diagrams) are plain text, by name: the
// language picker and the stored attribute keep "mermaid".
lowlight.registerAlias({ plaintext: ["mermaid"] });

type Grammar = Parameters<typeof lowlight.register>[1];
const LOADERS: Record<CodeLanguageId, () => Promise<{ default: Grammar }>> = {
  bash: () => import("highlight.js/lib/languages/bash"),
  go: () => import("highlight.js/lib/languages/go"),
  java: () => import("highlight.js/lib/languages/java"),
  javascript: () => import("highlight.js/lib/languages/javascript"),
  json: () => import("highlight.js/lib/languages/json"),
  plaintext: () => import("highlight.js/lib/languages/plaintext"),
  python: () => import("highlight.js/lib/languages/python"),
  rust: () => import("highlight.js/lib/languages/rust"),
  sql: () => import("highlight.js/lib/languages/sql"),
  typescript: () => import("highlight.js/lib/languages/typescript"),
  yaml: () => import("highlight.js/lib/languages/yaml"),
};

/**
 * Register the grammars for these languages. Other names (`kotlin`, `http`) need none:
 * they are shown as plain text (see `highlightRanges`). Resolves with the languages that
 * were newly registered.
 */
export async function loadCodeLanguages(languages: Iterable<string>): Promise<string[]> {
  const wanted = new Set<CodeLanguageId>();
  for (const language of languages) if (isCodeLanguageId(language)) wanted.add(language);
  const missing = [...wanted].filter((id) => !lowlight.registered(id));
  const grammars = await Promise.all(missing.map(async (id) => [id, (await LOADERS[id]()).default] as const));
  for (const [id, grammar] of grammars) if (!lowlight.registered(id)) lowlight.register(id, grammar);
  return missing;
}

export function isKnownLanguage(language: string): boolean {
  return lowlight.registered(language);
}

/** A run of highlighted text inside a code block: offsets in its text, and highlight.js's classes for it. */
export type HighlightRange = { from: number; to: number; className: string };

type HastNode = ReturnType<typeof lowlight.highlight>["children"][number];

function collectRanges(nodes: readonly HastNode[], classes: string, offset: number, out: HighlightRange[]): number {
  for (const node of nodes) {
    if (node.type === "text") {
      const to = offset + node.value.length;
      if (classes && to > offset) out.push({ from: offset, to, className: classes });
      offset = to;
    } else if (node.type === "element") {
      const own = node.properties.className;
      const inner = [classes, ...(Array.isArray(own) ? own : [])].filter(Boolean).join(" ");
      offset = collectRanges(node.children, inner, offset, out);
    }
  }
  return offset;
}

/**
 * How the editor highlights a code block (components/editor/code-highlight.ts): a language with a registered
 * grammar is highlighted as that language; no language, or one without a grammar (`kotlin`), is plain text, never
 * auto-detected (which runs every grammar over the block and often guesses wrong). The server renderer
 * (./highlight-html.ts) follows the same rule, so the colours match when the editor takes over.
 */
export function highlightRanges(language: string | null | undefined, code: string): HighlightRange[] {
  const lang = language || DEFAULT_CODE_LANGUAGE;
  if (!code || !lowlight.registered(lang)) return [];
  const out: HighlightRange[] = [];
  collectRanges(lowlight.highlight(lang, code).children, "", 0, out);
  return out;
}
