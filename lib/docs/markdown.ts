import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { docToMarkdown, markdownToDoc } from "@/lib/editor/markdown";
import { isEmptyDoc } from "@/lib/editor/validate";
import { formatReviewedBy, getReviewedByStamps } from "@/lib/reviews/stamps";
import { getTemplateForWorkspace, ensureBuiltInTemplate } from "@/lib/templates/queries";
import { parseInput } from "@/lib/validation";
import { createDoc } from "./create-doc";
import { getDocForViewer } from "./queries";
import { saveSection } from "./save-section";
import { ZImportMarkdown } from "./schemas";
import { formatStampDate } from "./stamps";

/** Markdown in the template's shape: `# Title`, one `##` per section, the derived footer last. */
export async function exportDocMarkdown(actor: Actor, docId: string): Promise<{ filename: string; markdown: string }> {
  const doc = await getDocForViewer(actor, { id: docId });
  const parts = [`# ${doc.title}`];
  for (const section of doc.sections) {
    const body = isEmptyDoc(section.content) ? "_Not written yet._" : docToMarkdown(section.content).trim();
    parts.push(`## ${section.title}\n\n${body}`);
  }
  const stamps = await getReviewedByStamps(doc.id);
  const reviewedBy = stamps.length ? stamps.map(formatReviewedBy).join("; ") : "—";
  const footer = [`**Last Updated:** ${formatStampDate(doc.updatedAt)} by ${doc.updatedBy.name}  `, `**Reviewed By:** ${reviewedBy}`].join("\n");
  return { filename: `${doc.slug}.md`, markdown: `${parts.join("\n\n---\n\n")}\n\n---\n\n${footer}\n` };
}

const normalize = (s: string) => s.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, " ").trim();

type Chunk = { heading: string | null; body: string };

/** Split Markdown at `##` headings (not inside fenced code); the `#` title and the derived footer are lifted out. */
export function splitMarkdown(markdown: string): { title: string | null; chunks: Chunk[] } {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let title: string | null = null;
  let fence: string | null = null;
  const chunks: Chunk[] = [{ heading: null, body: "" }];
  for (const line of lines) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) fence = fence === null ? fenceMatch[1]![0]! : line.trim().startsWith(fence) ? null : fence;
    if (fence === null && !fenceMatch) {
      const h1 = /^#\s+(.+?)\s*#*\s*$/.exec(line);
      if (h1 && title === null) {
        title = h1[1]!.trim();
        continue;
      }
      const h2 = /^##\s+(.+?)\s*#*\s*$/.exec(line);
      if (h2) {
        chunks.push({ heading: h2[1]!.trim(), body: "" });
        continue;
      }
      // The footer is derived from records, never imported.
      if (/^\s*\*\*(Last Updated|Reviewed By):\*\*/i.test(line)) continue;
    }
    chunks[chunks.length - 1]!.body += `${line}\n`;
  }
  const cleaned = chunks
    .map((c) => ({ ...c, body: c.body.replace(/^\s*---\s*$/gm, "").trim() }))
    .filter((c) => c.heading !== null || c.body !== "");
  return { title, chunks: cleaned };
}

export type ImportResult = { id: string; slug: string; matched: string[]; unmatched: string[] };

/**
 * Import a Markdown file into a new doc: `##` headings matched to template
 * sections by title; anything unmatched goes to an extra "Imported notes" section
 * (its heading kept), and the caller tells the user. Every section is written
 * through saveSection, like any other edit.
 */
export async function importMarkdown(actor: Actor, workspaceId: string, raw: unknown): Promise<ImportResult> {
  const input = parseInput(ZImportMarkdown, raw);
  const template = await getTemplateForWorkspace(workspaceId, input.templateId ?? (await ensureBuiltInTemplate()));
  const { title, chunks } = splitMarkdown(input.markdown);
  const byTitle = new Map(template.sections.flatMap((s) => [[normalize(s.title), s.key], [normalize(s.key), s.key]] as const));
  const assigned = new Map<string, string>();
  const unmatched: Chunk[] = [];
  for (const chunk of chunks) {
    const key = chunk.heading ? byTitle.get(normalize(chunk.heading)) : undefined;
    if (key && !assigned.has(key)) assigned.set(key, chunk.body);
    else unmatched.push(chunk);
  }
  const extraKey = `imported-notes`;
  const extra = unmatched.length ? [{ key: extraKey, title: "Imported notes", guidance: "Parts of the imported file that matched no template section." }] : [];
  const docTitle = input.title ?? title?.replace(/\s+-\s+Architecture Design$/i, "").slice(0, 200) ?? "Imported design doc";
  const doc = await createDoc(actor, workspaceId, { title: docTitle || "Imported design doc", templateId: template.id }, extra);

  const writes: [string, JSONContent][] = [...assigned].filter(([, md]) => md.trim()).map(([key, md]) => [key, markdownToDoc(md)]);
  if (unmatched.length) {
    const md = unmatched.map((c) => (c.heading ? `### ${c.heading}\n\n${c.body}` : c.body)).join("\n\n");
    writes.push([extraKey, markdownToDoc(md)]);
  }
  for (const [key, content] of writes) await saveSection(actor, doc.id, key, { baseVersion: 1, content });
  await db.auditEvent.create({ data: { workspaceId, documentId: doc.id, actorId: actor.id, type: "doc.imported", data: { sections: writes.length, unmatched: unmatched.length } } });
  return {
    ...doc,
    matched: [...assigned.keys()],
    unmatched: unmatched.map((c) => c.heading ?? "(text before the first section)"),
  };
}
