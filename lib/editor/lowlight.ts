import { createLowlight } from "lowlight";
import bash from "highlight.js/lib/languages/bash";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";

/**
 * One lowlight instance for the browser editor and the server renderer, so both
 * highlight a block the same way. A short list on purpose: each grammar ships to
 * the browser with the editor (`common` would add ~37 of them).
 */
export const lowlight = createLowlight({ bash, go, java, javascript, json, plaintext, python, rust, sql, typescript, yaml });

/**
 * Blocks without a language are shown as plain text. Without this default the
 * editor would run highlight.js auto-detection over every unlabelled block
 * (ASCII diagrams included), which is slow and guesses wrong.
 */
export const DEFAULT_CODE_LANGUAGE = "plaintext";

export function isKnownLanguage(language: string): boolean {
  return lowlight.registered(language);
}
