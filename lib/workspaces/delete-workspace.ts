import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "./access";
import { createWorkspaceTx } from "./create-workspace";
import { getHomeWorkspaceSlug } from "./home";

export const ZDeleteWorkspace = z.object({
  // The workspace's name, typed again: a confirmation a script cannot skip by accident.
  confirmName: z.string().max(200),
});

type WorkspaceRef = { id: string; name: string; slug: string };

/**
 * Remove a workspace and everything in it inside the caller's transaction: docs with their history, reviews,
 * comments, images and share links (dead at once: their rows are gone), templates, invitations, webhooks,
 * memberships and its audit trail. Image bytes no other workspace uses go too. Members keep their accounts and
 * their other workspaces. What stays is a DeletionRecord naming the workspace, who deleted it and what it held.
 */
export async function removeWorkspaceTx(tx: Tx, workspace: WorkspaceRef, actor: Actor, via: "workspace" | "account") {
  const [docs, members, images] = await Promise.all([
    tx.document.count({ where: { workspaceId: workspace.id } }),
    tx.membership.count({ where: { workspaceId: workspace.id } }),
    tx.docImage.findMany({ where: { document: { workspaceId: workspace.id } }, select: { sha256: true } }),
  ]);
  await tx.workspace.delete({ where: { id: workspace.id } });
  const shas = [...new Set(images.map((i) => i.sha256))];
  if (shas.length) await tx.mediaBlob.deleteMany({ where: { sha256: { in: shas }, images: { none: {} } } });
  await tx.deletionRecord.create({
    data: {
      kind: "workspace",
      subjectId: workspace.id,
      name: workspace.name,
      actorId: actor.id,
      actorName: actor.name,
      data: { slug: workspace.slug, docs, members, via },
    },
  });
}

/** Where someone lands once a workspace of theirs is gone: another one, or a new empty one of their own. */
export async function landingWorkspaceSlug(actor: Actor): Promise<string> {
  const home = await getHomeWorkspaceSlug(actor);
  if (home) return home;
  const created = await db.$transaction((tx) =>
    createWorkspaceTx(tx, actor.id, `${actor.name.split(/\s+/)[0]}'s workspace`),
  );
  return created.slug;
}

/**
 * Delete a workspace for good (owners only, the name typed again). Returns where the owner lands next: another
 * workspace of theirs, or a new empty one.
 */
export async function deleteWorkspaceForGood(
  actor: Actor,
  workspaceId: string,
  raw: unknown,
): Promise<{ deleted: string; landing: string }> {
  const { workspace, role } = await requireWorkspace(actor, { id: workspaceId });
  if (role !== "OWNER") throw new AppError("FORBIDDEN", "Only the workspace's owners can delete it.");
  const { confirmName } = parseInput(ZDeleteWorkspace, raw);
  if (confirmName.trim() !== workspace.name.trim())
    throw new AppError("INVALID_INPUT", "Type the workspace's name exactly to confirm deleting it for good.", {
      fieldErrors: { confirmName: ["Does not match the workspace's name."] },
    });
  await db.$transaction((tx) => removeWorkspaceTx(tx, workspace, actor, "workspace"), { timeout: 60_000 });
  logger.info({ workspaceId: workspace.id, userId: actor.id }, "workspace deleted");
  return { deleted: workspace.id, landing: await landingWorkspaceSlug(actor) };
}
