/**
 * The code block languages, with no highlighter attached: the language picker, the paste rules and the schema's
 * default read these, and the highlighter (./lowlight.ts, fetched only where code is highlighted) adds grammars.
 */

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

export function isCodeLanguageId(language: string): language is CodeLanguageId {
  return (CODE_LANGUAGE_IDS as readonly string[]).includes(language);
}
