import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "@/lib/workspaces/access";
import { getTemplateForWorkspace } from "./queries";
import { ZSaveTemplate, type TSaveTemplate } from "./schemas";
import { insertTemplate } from "./insert-template";
import { assignSectionKeys } from "./section-keys";

export { saveDocAsTemplate } from "./save-doc-as-template";

const NOT_FOUND = "This template does not exist in this workspace.";
export const BUILT_IN_READ_ONLY = "The built-in template is read-only. Duplicate it to make a copy you can edit.";
const NAME_MAX = 100;

/**
 * Why a workspace template could not be written: missing (NOT_FOUND), built-in
 * (FORBIDDEN), archived or changed since it was loaded (CONFLICT). Always throws.
 * INVARIANT: a workspace's template is matched by `{ id, workspaceId }`, never by id alone.
 */
async function explainUnwritable(tx: Tx, workspaceId: string, templateId: string): Promise<never> {
  const template = await tx.template.findFirst({
    where: { id: templateId, OR: [{ workspaceId }, { builtInKey: { not: null } }] },
    select: { builtInKey: true, archivedAt: true },
  });
  if (!template) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (template.builtInKey !== null) throw new AppError("FORBIDDEN", BUILT_IN_READ_ONLY);
  if (template.archivedAt) throw new AppError("CONFLICT", "This template is archived.");
  throw new AppError(
    "CONFLICT",
    "Someone else saved this template after you opened it. " +
      "Reload the page to see their version, then make your changes again.",
  );
}

export async function createTemplate(actor: Actor, workspaceId: string, raw: unknown): Promise<{ id: string }> {
  await requireWorkspace(actor, { id: workspaceId }, "templates.manage");
  const input = parseInput(ZSaveTemplate, raw);
  // A new template owns no keys yet, so any key in the input is replaced.
  const sections = assignSectionKeys(input.sections, new Set());
  return db.$transaction((tx) =>
    insertTemplate(tx, actor, workspaceId, { ...input, sections }, { type: "template.created" }),
  );
}

/**
 * Make the template's sections exactly `input`, in order: kept keys are updated in place, the rest deleted or created.
 */
async function replaceSections(tx: Tx, templateId: string, input: TSaveTemplate["sections"]) {
  const existing = new Set(
    (await tx.templateSection.findMany({ where: { templateId }, select: { key: true } })).map((s) => s.key),
  );
  const sections = assignSectionKeys(input, existing);
  const kept = new Set(sections.map((s) => s.key));
  const removed = [...existing].filter((key) => !kept.has(key));
  await tx.templateSection.deleteMany({ where: { templateId, key: { in: removed } } });
  for (const [order, s] of sections.entries()) {
    const fields = { title: s.title, order, guidance: s.guidance, required: s.required };
    if (existing.has(s.key))
      await tx.templateSection.update({ where: { templateId_key: { templateId, key: s.key } }, data: fields });
    else await tx.templateSection.create({ data: { templateId, key: s.key, ...fields } });
  }
  return { sections: sections.length, added: sections.filter((s) => !existing.has(s.key)).map((s) => s.key), removed };
}

/**
 * Replace a workspace template's name, description and sections. Sections that name
 * one of the template's keys keep it (and their outline); the rest get new keys.
 * Docs copied guidance and required flags when they were created, so they do not change.
 * `baseUpdatedAt` (the `updatedAt` the editor loaded) turns a concurrent save into CONFLICT.
 */
export async function updateTemplate(
  actor: Actor,
  workspaceId: string,
  templateId: string,
  raw: unknown,
  opts: { baseUpdatedAt?: string } = {},
): Promise<{ updatedAt: string }> {
  await requireWorkspace(actor, { id: workspaceId }, "templates.manage");
  const input = parseInput(ZSaveTemplate, raw);
  const base = opts.baseUpdatedAt ? new Date(opts.baseUpdatedAt) : null;
  if (base && Number.isNaN(base.getTime()))
    throw new AppError("INVALID_INPUT", "baseUpdatedAt must be the time the template was loaded");
  const id = String(templateId);
  const updatedAt = new Date();
  await db.$transaction(async (tx) => {
    // The guarded update comes first: it locks the row, so the sections read next are current.
    const { count } = await tx.template.updateMany({
      where: { id, workspaceId, archivedAt: null, ...(base && { updatedAt: base }) },
      data: { name: input.name, description: input.description, updatedAt },
    });
    if (count === 0) await explainUnwritable(tx, workspaceId, id);
    const changes = await replaceSections(tx, id, input.sections);
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      type: "template.updated",
      data: { templateId: id, name: input.name, ...changes },
    });
  });
  return { updatedAt: updatedAt.toISOString() };
}

/** Hide a workspace template from lists and the new-doc dialog; docs made from it keep their sections. */
export async function archiveTemplate(actor: Actor, workspaceId: string, templateId: string): Promise<void> {
  await requireWorkspace(actor, { id: workspaceId }, "templates.manage");
  await db.$transaction(async (tx) => {
    const { count } = await tx.template.updateMany({
      where: { id: String(templateId), workspaceId, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    if (count === 0) await explainUnwritable(tx, workspaceId, String(templateId));
    await recordAudit(tx, { workspaceId, actorId: actor.id, type: "template.archived", data: { templateId } });
  });
}

/**
 * An editable workspace copy of a template usable here (the built-in one included): same keys, guidance, outlines,
 * required flags.
 */
export async function duplicateTemplate(
  actor: Actor,
  workspaceId: string,
  templateId: string,
): Promise<{ id: string }> {
  await requireWorkspace(actor, { id: workspaceId }, "templates.manage");
  const source = await getTemplateForWorkspace(workspaceId, String(templateId));
  const name = `${source.name.slice(0, NAME_MAX - " (copy)".length)} (copy)`;
  const sections = source.sections.map((s) => ({
    key: s.key,
    title: s.title,
    guidance: s.guidance,
    required: s.required,
    outline: s.outline as Prisma.InputJsonValue | null,
  }));
  return db.$transaction((tx) =>
    insertTemplate(
      tx,
      actor,
      workspaceId,
      { name, description: source.description, sections },
      { type: "template.duplicated", data: { from: source.id } },
    ),
  );
}
