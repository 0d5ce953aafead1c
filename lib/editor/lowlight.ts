import { createLowlight } from "lowlight";
import plaintext from "highlight.js/lib/languages/plaintext";

/**
 * One lowlight instance for the browser editor and the server renderer, so both
 * highlight a block the same way. A short list on purpose (`common` would add ~37).
 *
 * Only plain text is registered here. The browser editor fetches the grammars a
 * section actually uses with `loadCodeLanguages` (one small chunk each, see
 * components/editor/editor-extensions.ts); the server imports ./lowlight-server,
 * which registers every grammar synchronously on this same instance.
 */
export const lowlight = createLowlight({ plaintext });
// Diagram sources (`mermaid` blocks, drawn by components/diagrams) are plain text, by name: the
// language picker and the stored attribute keep "mermaid".
lowlight.registerAlias({ plaintext: ["mermaid"] });

/** Every language the app highlights (and the code-block language picker offers). */
export const CODE_LANGUAGE_IDS = [
  "bash",
  "go",
  "java",
  "javascript",
  "json",
  "plaintext",
  "python",
  "rust",
  "sql",
  "typescript",
  "yaml",
] as const;
export type CodeLanguageId = (typeof CODE_LANGUAGE_IDS)[number];

/**
 * Blocks without a language are shown as plain text. Without this default the
 * editor would run highlight.js auto-detection over every unlabelled block
 * (ASCII diagrams included), which is slow and guesses wrong.
 */
export const DEFAULT_CODE_LANGUAGE = "plaintext";

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

export function isCodeLanguageId(language: string): language is CodeLanguageId {
  return Object.hasOwn(LOADERS, language);
}

/**
 * Register the grammars for these languages. Other names (`kotlin`, `http`) need none:
 * they are shown as plain text (see `codeHighlighter`). Resolves with the languages that
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

/**
 * What CodeBlockLowlight highlights with: lowlight, except that a language it has no grammar
 * for is shown as plain text instead of auto-detected. Auto-detection runs every grammar over
 * the block (most of the server time of importing a doc full of `kotlin` blocks, and all
 * eleven grammars fetched in the editor) and often guesses wrong. The server renderer
 * (./highlight-html.ts) follows the same rule, so the colours match when the editor takes over.
 */
export const codeHighlighter: typeof lowlight = {
  ...lowlight,
  highlightAuto: (value) => lowlight.highlight(DEFAULT_CODE_LANGUAGE, value),
};
