import type { JSONContent } from "@tiptap/core";
import { markdownToDoc } from "@/lib/editor/markdown";
import { parseSectionContent } from "@/lib/editor/validate";
import { forEachLine, kebabSlug, plain, unbracket } from "./markdown-lines";
import { deriveGuidance } from "./template-guidance";

export type TemplateSection = {
  /** Stable id for the section within the template: "risks-mitigation". */
  key: string;
  title: string;
  /** A few readable sentences on what belongs in the section. */
  guidance: string;
  /** The template's scaffolding as editor JSON (placeholders kept as text to overwrite), or null if it has none. */
  outline: JSONContent | null;
};

export type ParsedTemplate = { name: string; purpose: string; sections: TemplateSection[] };

type RawSection = { title: string; lines: string[] };

// A sentinel, not "---": a separator between sections is layout, one inside a
// section is a rule the writer meant; which one it is shows only at the end.
const SEPARATOR = "\u0000separator";
const THEMATIC_BREAK = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/;
// "**Last Updated:** [Date]" — document metadata the app derives itself.
const METADATA_LINE = /^\s*\*\*[^*]+:\*\*/;

function splitSections(lines: readonly string[]): { preamble: string[]; sections: RawSection[] } {
  const preamble: string[] = [];
  const sections: RawSection[] = [];
  let previous = "";
  forEachLine(lines, (line, inFence) => {
    const current = sections[sections.length - 1];
    const heading = inFence ? null : /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) sections.push({ title: plain(heading[1] ?? ""), lines: [] });
    // After a blank line only: "text\n---" is a setext heading, not a separator.
    else if (!inFence && THEMATIC_BREAK.test(line) && previous.trim() === "")
      (current?.lines ?? preamble).push(SEPARATOR);
    else (current?.lines ?? preamble).push(line);
    previous = line;
  });
  return { preamble, sections };
}

/** Drops trailing separators and, after the last one, a block of metadata lines (the footer). */
function trimSectionEnd(lines: string[]): string[] {
  const last = lines.lastIndexOf(SEPARATOR);
  if (last === -1) return lines;
  const after = lines.slice(last + 1).filter((l) => l.trim() !== "");
  if (after.every((l) => METADATA_LINE.test(l))) return trimSectionEnd(lines.slice(0, last));
  return lines;
}

function parsePreamble(preamble: readonly string[]): { name: string; purpose: string } {
  const title = preamble.find((l) => /^#\s+/.test(l))?.replace(/^#\s+/, "") ?? "";
  // "[Feature Name] - Architecture Design": the bracketed part is the doc's, the rest the template's.
  const name =
    plain(title.replace(/\[[^\]]*\]/g, "")).replace(/^[\s\-–—:|]+|[\s\-–—:|]+$/g, "") || plain(unbracket(title));
  const quote = preamble.filter((l) => /^\s*>/.test(l)).map((l) => l.replace(/^\s*>\s?/, ""));
  const purpose = plain(quote.join(" ")).replace(/^Purpose:\s*/i, "");
  return { name, purpose };
}

/** "### **High-Level Design**": headings are bold already; the stars would only add a mark. */
function toOutlineMarkdown(lines: readonly string[]): string {
  return lines
    .map((l) => (l === SEPARATOR ? "---" : l.replace(/^(#{1,6}\s+)\*\*(.+)\*\*\s*$/, "$1$2")))
    .join("\n")
    .trim();
}

function buildOutline(lines: readonly string[], title: string): JSONContent | null {
  const markdown = toOutlineMarkdown(lines);
  if (!markdown) return null;
  const parsed = parseSectionContent(markdownToDoc(markdown));
  // Templates ship with the app: one that does not fit the editor is a bug to see at once.
  if (!parsed.ok) throw new Error(`Template section "${title}" is not valid editor content: ${parsed.message}`);
  return parsed.doc;
}

/**
 * A template Markdown file → name, purpose and ordered sections. Pure: no I/O,
 * so it parses a built-in file and an uploaded one alike.
 */
export function parseTemplate(markdown: string): ParsedTemplate {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const { preamble, sections } = splitSections(lines);
  return {
    ...parsePreamble(preamble),
    sections: sections.map(({ title, lines: raw }) => {
      const body = trimSectionEnd(raw);
      return {
        key: kebabSlug(title),
        title,
        guidance: deriveGuidance(
          title,
          body.filter((l) => l !== SEPARATOR),
        ),
        outline: buildOutline(body, title),
      };
    }),
  };
}
