import type { JSONContent } from "@tiptap/core";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { parseSectionContent } from "@/lib/editor/validate";
import { MarkdownError } from "./parse";
import type { ImportPlan, PlannedSection } from "./plan";

/** A section's content as it is stored: validated JSON, its text and its HTML. */
export type ReadyContent = { doc: JSONContent; text: string; html: string };
export type ReadySection = Omit<PlannedSection, "content"> & { content: ReadyContent | null };
export type ReadyPlan = Omit<ImportPlan, "sections"> & { sections: ReadySection[] };

/**
 * Validation and rendering belong with the parsing, in the worker: content built
 * from hostile Markdown can be large, and checking or highlighting it on the
 * request thread would hold that thread as long as parsing would have.
 */
export function readyContent(doc: JSONContent, where: string): ReadyContent {
  const result = parseSectionContent(doc);
  if (!result.ok) {
    if (/larger than|nested too deeply/.test(result.message))
      throw new MarkdownError(`${where} is too large to import: ${result.message.toLowerCase()}`);
    throw new MarkdownError(`${where} holds something the editor cannot show. Simplify it and try again`);
  }
  return { doc: result.doc, text: result.text, html: renderDocToHTML(result.doc) };
}

export function readyPlan(plan: ImportPlan): ReadyPlan {
  return {
    ...plan,
    sections: plan.sections.map((s) => {
      const where = `The section “${s.title}”${s.line ? ` (from line ${s.line})` : ""}`;
      return { ...s, content: s.content ? readyContent(s.content, where) : null };
    }),
  };
}
