import { markdownToContent } from "./content";
import { MarkdownError, parseMarkdown } from "./parse";
import { buildImportPlan, type PlanOptions } from "./plan";
import { readyContent, readyPlan, type ReadyContent, type ReadyPlan } from "./ready";

/** What the parser's worker can be asked to do; also callable in-process (tests, trusted text). */
export type MarkdownTask =
  { kind: "content"; markdown: string } | { kind: "plan"; markdown: string; options: PlanOptions };

export type MarkdownTaskResult = { kind: "content"; content: ReadyContent } | { kind: "plan"; plan: ReadyPlan };

export type MarkdownReply =
  { ok: true; result: MarkdownTaskResult } | { ok: false; message: string; line: number | null; expected: boolean };

export function runMarkdownTask(task: MarkdownTask): MarkdownReply {
  try {
    if (task.kind === "content") {
      const content = readyContent(markdownToContent(task.markdown), "The text");
      return { ok: true, result: { kind: "content", content } };
    }
    const plan = readyPlan(buildImportPlan(parseMarkdown(task.markdown, task.options), task.options));
    return { ok: true, result: { kind: "plan", plan } };
  } catch (error) {
    if (error instanceof MarkdownError) return { ok: false, message: error.message, line: error.line, expected: true };
    const message =
      error instanceof RangeError ? "The file is nested too deeply to read" : "The file could not be read";
    return { ok: false, message, line: null, expected: error instanceof RangeError };
  }
}
