import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma, Tx } from "@/lib/db";

export type NewTemplateSection = {
  key: string;
  title: string;
  guidance: string;
  required: boolean;
  outline?: Prisma.InputJsonValue | null;
};

function sectionRows(sections: readonly NewTemplateSection[]) {
  return sections.map((s, order) => ({
    key: s.key,
    title: s.title,
    order,
    guidance: s.guidance,
    required: s.required,
    outline: s.outline ?? undefined,
  }));
}

/** Insert a workspace template with its sections and audit it, inside the caller's transaction. */
export async function insertTemplate(
  tx: Tx,
  actor: Actor,
  workspaceId: string,
  input: { name: string; description: string; sections: readonly NewTemplateSection[] },
  audit: { type: string; documentId?: string; data?: Record<string, string> },
): Promise<{ id: string }> {
  const template = await tx.template.create({
    data: {
      workspaceId,
      name: input.name,
      description: input.description,
      createdById: actor.id,
      sections: { create: sectionRows(input.sections) },
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    workspaceId,
    documentId: audit.documentId ?? null,
    actorId: actor.id,
    type: audit.type,
    data: { templateId: template.id, name: input.name, sections: input.sections.length, ...audit.data },
  });
  return template;
}
