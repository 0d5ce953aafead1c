import { readFileSync } from "node:fs";
import path from "node:path";
import { parseTemplate, type ParsedTemplate } from "./parse-template";

/**
 * Server-side only (reads the file). Read from the project root like the rest of
 * the app's data files, so Next's output tracing sees the path.
 */
const TEMPLATE_PATH = path.join(process.cwd(), "lib", "templates", "architecture-design.md");

let cached: ParsedTemplate | undefined;

export function getBuiltInTemplate(): ParsedTemplate {
  cached ??= parseTemplate(readFileSync(TEMPLATE_PATH, "utf8"));
  return cached;
}
