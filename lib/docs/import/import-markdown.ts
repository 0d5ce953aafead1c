import "server-only";
import type { Actor } from "@/lib/auth/session";
import type { Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { planMarkdownImport } from "@/lib/markdown/run";
import { remoteImagesAllowed } from "@/lib/media/remote-images";
import { ensureBuiltInTemplate, getTemplateForWorkspace } from "@/lib/templates/queries";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "@/lib/workspaces/access";
import { MARKDOWN_IMPORT_MAX_BYTES, TITLE_MAX, ZImportMarkdown } from "../schemas";
import { commitImport, type ImportedSection } from "./commit-import";

export type ImportResult = {
  id: string;
  slug: string;
  title: string;
  /** Template sections the file filled. */
  matched: string[];
  /** Titles of the sections of the doc's own (headings the template does not have). */
  extra: string[];
  /** The same titles, under the name this answer has always used. */
  unmatched: string[];
};

/** "0042-cache_layer.md" → "0042 cache layer". */
export function titleFromFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? "";
  const title = base
    .replace(/\.(md|markdown|mdown|txt)$/i, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return title || null;
}

function clampTitle(title: string): string {
  return title
    .replace(/\s+-\s+Architecture Design$/i, "")
    .trim()
    .slice(0, TITLE_MAX);
}

/**
 * Import a Markdown file as a new doc. The file is read in the parser's worker
 * (time and memory limits, lib/markdown/run.ts); headings that match template
 * sections fill them, every other section-level heading becomes a section of the
 * doc's own in its original place. The worker also validates and renders every
 * section; nothing is written until all of them are valid, and then all of it in
 * one transaction.
 */
export async function importMarkdown(actor: Actor, workspaceId: string, raw: unknown): Promise<ImportResult> {
  await requireWorkspace(actor, { id: workspaceId }, "doc.create");
  const markdown = (raw as { markdown?: unknown } | null)?.markdown;
  if (typeof markdown === "string" && Buffer.byteLength(markdown) > MARKDOWN_IMPORT_MAX_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "Markdown files are at most 1 MB. Split the file and import the parts.");
  const input = parseInput(ZImportMarkdown, raw);
  const template = await getTemplateForWorkspace(workspaceId, input.templateId ?? (await ensureBuiltInTemplate()));
  const fileTitle = input.fileName ? titleFromFileName(input.fileName) : null;
  const plan = await planMarkdownImport(input.markdown, {
    template: template.sections.map(({ key, title }) => ({ key, title })),
    fileTitle,
    // Web images stay images only where the workspace allows them (Settings); else links named by their alt text.
    remoteImages: await remoteImagesAllowed(workspaceId),
  });
  const byKey = new Map(template.sections.map((s) => [s.key, s]));
  const sections = plan.sections.map((s): ImportedSection => {
    const t = byKey.get(s.key);
    const fromTemplate = !s.extra && t;
    return {
      key: s.key,
      title: s.title,
      extra: s.extra,
      guidance: fromTemplate ? t.guidance : "",
      outline: fromTemplate ? ((t.outline ?? undefined) as Prisma.InputJsonValue | undefined) : undefined,
      required: fromTemplate ? t.required : false,
      content: s.content,
    };
  });
  const title = clampTitle(input.title ?? plan.title ?? fileTitle ?? "") || "Imported design doc";
  const matched = plan.sections.filter((s) => !s.extra && s.content).map((s) => s.key);
  const extra = plan.sections.filter((s) => s.extra).map((s) => s.title);
  const doc = await commitImport(actor, {
    workspaceId,
    templateId: template.id,
    templateName: template.name,
    title,
    sections,
    audit: {
      matched,
      extra,
      sections: sections.filter((s) => s.content).length,
      frontMatter: plan.frontMatter ?? null,
      ...(input.fileName ? { fileName: input.fileName.slice(0, 200) } : {}),
    },
  });
  return { ...doc, title, matched, extra, unmatched: extra };
}
