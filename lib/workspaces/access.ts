import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/session";
import { can, type WorkspacePermission } from "@/lib/auth/permissions";
import { db, type WorkspaceRole } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type WorkspaceContext = { workspace: { id: string; name: string; slug: string }; role: WorkspaceRole };

const findMembership = cache(async (actorId: string, by: { id: string } | { slug: string }) =>
  db.membership.findFirst({
    where: { userId: actorId, workspace: by },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
  }),
);

/**
 * The choke point for workspace-scoped operations. A workspace the actor is not a
 * member of does not exist for them (NOT_FOUND); a missing permission is FORBIDDEN.
 */
export async function requireWorkspace(
  actor: Actor,
  by: { id: string } | { slug: string },
  permission: WorkspacePermission = "workspace.view",
): Promise<WorkspaceContext> {
  // Ids and slugs come from URLs and action arguments: anything but a short string names no workspace.
  const key = "id" in by ? by.id : by.slug;
  if (typeof key !== "string" || !key || key.length > 200 || key.includes("\0"))
    throw new AppError("NOT_FOUND", "This workspace does not exist or you are not a member.");
  const membership = await findMembership(actor.id, by);
  if (!membership) throw new AppError("NOT_FOUND", "This workspace does not exist or you are not a member.");
  if (!can(membership.role, permission))
    throw new AppError("FORBIDDEN", "Your role in this workspace does not allow that.");
  return { workspace: membership.workspace, role: membership.role };
}
