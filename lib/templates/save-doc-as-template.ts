import "server-only";
import type { Actor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "@/lib/workspaces/access";
import { insertTemplate } from "./insert-template";
import { ZSaveTemplate } from "./schemas";
import { assignSectionKeys, SECTION_KEY_PATTERN } from "./section-keys";

const ZSaveDocAsTemplate = ZSaveTemplate.pick({ name: true, description: true });

/**
 * A new template in the doc's workspace from the doc's structure: section titles,
 * order, guidance, required flags and outlines, never what was written in them.
 *
 * Permission: the doc must be readable (else NOT_FOUND) and the actor needs the
 * workspace's "templates.manage". Doc "manage" alone is not enough: it would let an
 * author who is a plain member publish a template to the whole workspace, which the
 * templates page reserves for owners and admins (who own every doc anyway).
 */
export async function saveDocAsTemplate(
  actor: Actor,
  docId: string,
  raw: unknown,
): Promise<{ id: string; workspaceSlug: string }> {
  const { doc, workspaceRole } = await requireDocAccess(actor, { id: String(docId) }, "view");
  // Someone invited to this doc alone can read it but is in no workspace: refused, not "not found".
  if (!can(workspaceRole, "templates.manage"))
    throw new AppError("FORBIDDEN", "Only workspace owners and admins can save a doc as a template.");
  const { workspace } = await requireWorkspace(actor, { id: doc.workspaceId }, "templates.manage");
  const { name, description } = parseInput(ZSaveDocAsTemplate, raw);
  const docSections = await db.section.findMany({
    where: { documentId: doc.id },
    orderBy: { order: "asc" },
    select: { key: true, title: true, guidance: true, required: true, outline: true },
  });
  // The structure meets the same rules as a template saved in the editor (at most 40 sections, distinct titles).
  const structure = parseInput(ZSaveTemplate, {
    name,
    description,
    sections: docSections.map((s) => ({
      key: SECTION_KEY_PATTERN.test(s.key) ? s.key : undefined,
      title: s.title,
      guidance: s.guidance,
      required: s.required,
    })),
  });
  const keyed = assignSectionKeys(structure.sections, new Set(docSections.map((s) => s.key)));
  const sections = keyed.map((s, i) => ({ ...s, outline: docSections[i]!.outline as Prisma.InputJsonValue | null }));
  const template = await db.$transaction((tx) =>
    insertTemplate(
      tx,
      actor,
      workspace.id,
      { name, description, sections },
      { type: "template.created_from_doc", documentId: doc.id },
    ),
  );
  return { id: template.id, workspaceSlug: workspace.slug };
}
