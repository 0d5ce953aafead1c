import "server-only";
import type { Actor } from "@/lib/auth/session";
import { canManageMember } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx, type WorkspaceRole } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "./access";
import { ZChangeRole, ZRemoveMember, ZRenameWorkspace } from "./schemas";

/** Lock the workspace's owner rows so two concurrent demotions cannot both pass the last-owner check. */
async function lockOwners(tx: Tx, workspaceId: string): Promise<number> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Membership" WHERE "workspaceId" = ${workspaceId} AND role = 'OWNER' FOR UPDATE`;
  return rows.length;
}

async function loadTarget(tx: Tx, workspaceId: string, membershipId: string) {
  const target = await tx.membership.findFirst({
    where: { id: membershipId, workspaceId },
    select: { id: true, role: true, userId: true },
  });
  if (!target) throw new AppError("NOT_FOUND", "That person is not a member of this workspace.");
  return target;
}

export async function changeMemberRole(actor: Actor, workspaceId: string, raw: unknown): Promise<void> {
  const { role: actorRole } = await requireWorkspace(actor, { id: workspaceId }, "members.manage");
  const input = parseInput(ZChangeRole, raw);
  await db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, workspaceId);
    const target = await loadTarget(tx, workspaceId, input.membershipId);
    if (!canManageMember(actorRole, target.role, input.role))
      throw new AppError("FORBIDDEN", "Only owners can change the role of owners and admins.");
    if (target.role === "OWNER" && input.role !== "OWNER" && owners <= 1) {
      throw new AppError("CONFLICT", "A workspace needs at least one owner. Make someone else an owner first.");
    }
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      type: "member.role_changed",
      data: { userId: target.userId, from: target.role, to: input.role },
    });
  });
}

/** Remove a member (or leave, when the target is yourself). Their next request no longer sees the workspace. */
export async function removeMember(actor: Actor, workspaceId: string, raw: unknown): Promise<void> {
  const { role: actorRole } = await requireWorkspace(actor, { id: workspaceId });
  const input = parseInput(ZRemoveMember, raw);
  await db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, workspaceId);
    const target = await loadTarget(tx, workspaceId, input.membershipId);
    const leaving = target.userId === actor.id;
    if (!leaving && !canManageMember(actorRole, target.role, null))
      throw new AppError("FORBIDDEN", "Your role does not allow removing this member.");
    if (target.role === "OWNER" && owners <= 1)
      throw new AppError("CONFLICT", "The last owner cannot be removed. Make someone else an owner first.");
    await tx.membership.delete({ where: { id: target.id } });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      type: leaving ? "member.left" : "member.removed",
      data: { userId: target.userId, role: target.role as WorkspaceRole },
    });
  });
}

export async function renameWorkspace(actor: Actor, workspaceId: string, raw: unknown): Promise<void> {
  await requireWorkspace(actor, { id: workspaceId }, "workspace.update");
  const { name } = parseInput(ZRenameWorkspace, raw);
  await db.$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: workspaceId }, data: { name } });
    await recordAudit(tx, { workspaceId, actorId: actor.id, type: "workspace.renamed", data: { name } });
  });
}
