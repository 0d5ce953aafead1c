import "server-only";
import type { Actor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireWorkspace } from "@/lib/workspaces/access";
import { getBuiltInTemplate } from "./built-in";

export const BUILT_IN_KEY = "architecture-design";

let builtInId: string | undefined;

/** The built-in template's row, created on first use from lib/templates/architecture-design.md. */
export async function ensureBuiltInTemplate(): Promise<string> {
  if (builtInId) return builtInId;
  const existing = await db.template.findUnique({ where: { builtInKey: BUILT_IN_KEY }, select: { id: true } });
  if (existing) return (builtInId = existing.id);
  const parsed = getBuiltInTemplate();
  try {
    const created = await db.template.create({
      data: {
        builtInKey: BUILT_IN_KEY,
        name: parsed.name,
        description: parsed.purpose,
        sections: {
          create: parsed.sections.map((s, order) => ({
            key: s.key,
            title: s.title,
            order,
            guidance: s.guidance,
            outline: s.outline ?? undefined,
            required: false,
          })),
        },
      },
      select: { id: true },
    });
    return (builtInId = created.id);
  } catch (error) {
    // Two first requests raced: the other one created it.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return (builtInId = (
      await db.template.findUniqueOrThrow({ where: { builtInKey: BUILT_IN_KEY }, select: { id: true } })
    ).id);
  }
}

export type TemplateSummaryDTO = {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  sectionCount: number;
  requiredCount: number;
};

export async function listTemplates(actor: Actor, workspaceId: string): Promise<TemplateSummaryDTO[]> {
  await requireWorkspace(actor, { id: workspaceId });
  await ensureBuiltInTemplate();
  const rows = await db.template.findMany({
    where: { archivedAt: null, OR: [{ workspaceId }, { builtInKey: { not: null } }] },
    orderBy: [{ builtInKey: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    select: { id: true, name: true, description: true, builtInKey: true, sections: { select: { required: true } } },
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    builtIn: t.builtInKey !== null,
    sectionCount: t.sections.length,
    requiredCount: t.sections.filter((s) => s.required).length,
  }));
}

/** A template usable in `workspaceId` (its own or built-in), with sections in order. */
export async function getTemplateForWorkspace(workspaceId: string, templateId: string) {
  const template = await db.template.findFirst({
    where: { id: templateId, archivedAt: null, OR: [{ workspaceId }, { builtInKey: { not: null } }] },
    include: { sections: { orderBy: { order: "asc" } } },
  });
  if (!template)
    throw new AppError("NOT_FOUND", "That template does not exist in this workspace.", {
      fieldErrors: { templateId: ["Choose a template"] },
    });
  return template;
}

export type TemplateSectionDTO = {
  key: string;
  title: string;
  guidance: string;
  required: boolean;
  /** The section carries scaffolding for "Insert outline" (kept as is by the editor, which does not edit it). */
  hasOutline: boolean;
};

export type TemplateEditorDTO = {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  /** Sent back with a save: a save based on an older version is a CONFLICT. */
  updatedAt: string;
  sections: TemplateSectionDTO[];
  /** The actor may change this template (a workspace template, and "templates.manage"). */
  editable: boolean;
  /** The actor may make a workspace copy of it. */
  canDuplicate: boolean;
};

/**
 * The template page's data: a template usable in the workspace (its own, or built-in),
 * for any member. Only owners and admins get it editable, and the built-in never is.
 */
export async function getTemplateForEditing(
  actor: Actor,
  workspaceId: string,
  templateId: string,
): Promise<TemplateEditorDTO> {
  const { role } = await requireWorkspace(actor, { id: workspaceId });
  const template = await db.template.findFirst({
    where: { id: String(templateId), archivedAt: null, OR: [{ workspaceId }, { builtInKey: { not: null } }] },
    select: {
      id: true,
      name: true,
      description: true,
      builtInKey: true,
      updatedAt: true,
      sections: {
        orderBy: { order: "asc" },
        select: { key: true, title: true, guidance: true, required: true, outline: true },
      },
    },
  });
  if (!template) throw new AppError("NOT_FOUND", "This template does not exist in this workspace.");
  const manage = can(role, "templates.manage");
  const builtIn = template.builtInKey !== null;
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    builtIn,
    updatedAt: template.updatedAt.toISOString(),
    sections: template.sections.map(({ outline, ...s }) => ({ ...s, hasOutline: outline !== null })),
    editable: manage && !builtIn,
    canDuplicate: manage,
  };
}
