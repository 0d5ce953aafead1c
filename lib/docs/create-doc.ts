import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { randomSuffix, slugify } from "@/lib/slug";
import { ensureBuiltInTemplate, getTemplateForWorkspace } from "@/lib/templates/queries";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "@/lib/workspaces/access";
import { createDocSections } from "./content";
import { ZCreateDoc } from "./schemas";

export type ExtraSection = { key: string; title: string; guidance?: string };

/**
 * Create a doc from a template: one Section row per template section, empty,
 * carrying the template's guidance, outline and required flag. `extraSections`
 * (Markdown import) are appended after the template's.
 */
export async function createDoc(
  actor: Actor,
  workspaceId: string,
  raw: unknown,
  extraSections: ExtraSection[] = [],
): Promise<{ id: string; slug: string }> {
  await requireWorkspace(actor, { id: workspaceId }, "doc.create");
  const input = parseInput(ZCreateDoc, raw);
  const template = await getTemplateForWorkspace(workspaceId, input.templateId ?? (await ensureBuiltInTemplate()));
  const sections = [
    ...template.sections.map((s) => ({
      key: s.key,
      title: s.title,
      guidance: s.guidance,
      outline: s.outline ?? undefined,
      required: s.required,
    })),
    ...extraSections.map((s) => ({
      key: s.key,
      title: s.title,
      guidance: s.guidance ?? "",
      outline: undefined,
      required: false,
    })),
  ];
  return db.$transaction(async (tx) => {
    const doc = await tx.document.create({
      data: {
        workspaceId,
        slug: `${slugify(input.title, 40) || "doc"}-${randomSuffix()}`,
        title: input.title,
        templateId: template.id,
        authorId: actor.id,
        updatedById: actor.id,
      },
      select: { id: true, slug: true },
    });
    await createDocSections(tx, { docId: doc.id, actorId: actor.id, sections });
    await recordAudit(tx, {
      workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "doc.created",
      data: { title: input.title, template: template.name },
    });
    return doc;
  });
}
