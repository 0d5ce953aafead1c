import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { logger } from "@/lib/observability/logger";
import { lockDocumentRow, rederiveStatus } from "@/lib/reviews/status";
import { parseInput } from "@/lib/validation";
import { removeWorkspaceTx } from "@/lib/workspaces/delete-workspace";
import { verifyPassword } from "./password";
import { assertNotRateLimited, clearHits, recordHit, type Limit } from "./rate-limit";

export const ZDeleteAccount = z.object({ password: z.string().min(1, "Enter your password").max(1000) });

const WRONG_PASSWORD = "That is not your password.";

type Membership = {
  role: string;
  workspace: { id: string; name: string; slug: string; _count: { memberships: number } };
};

/**
 * Workspaces only this person owns while others are in them: deleting the account would leave them without an
 * owner, so ownership moves first. Rows of the person's memberships are locked by the caller.
 */
async function soleOwnerships(tx: Tx, userId: string, memberships: Membership[]) {
  const owned = memberships.filter((m) => m.role === "OWNER" && m.workspace._count.memberships > 1);
  const blocking: string[] = [];
  for (const m of owned) {
    const others = await tx.membership.count({
      where: { workspaceId: m.workspace.id, role: "OWNER", userId: { not: userId } },
    });
    if (others === 0) blocking.push(m.workspace.name);
  }
  return blocking;
}

/** Pending review requests of this person end (cancelled, audited) so their docs can still be signed off. */
async function cancelPendingReviews(tx: Tx, actor: Actor, outbox: Outbox) {
  const pending = await tx.reviewRequest.findMany({
    where: { reviewerId: actor.id, cancelledAt: null },
    select: { id: true, documentId: true, document: { select: { workspaceId: true } } },
  });
  for (const request of pending) {
    const locked = await lockDocumentRow(tx, request.documentId);
    await tx.reviewRequest.update({ where: { id: request.id }, data: { cancelledAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: request.document.workspaceId,
      documentId: request.documentId,
      actorId: actor.id,
      type: "review.cancelled",
      data: { reviewer: { id: actor.id, name: actor.name }, reason: "account deleted" },
    });
    await rederiveStatus(tx, locked, actor.id, outbox);
  }
}

/**
 * A person deletes their own account, confirming with their password.
 *
 * - Refused while they are the only owner of a workspace others are in (they make someone else owner first).
 * - A workspace they are alone in goes with the account (it has nobody else to belong to).
 * - In the other workspaces their docs, comments and approvals stay: the user row remains as the record, under the
 *   name they had (the sign-off record names who approved), while email, password, sessions, API tokens,
 *   memberships, doc invitations and notifications are gone; their pending review requests are cancelled.
 * - Every session ends at once, and the old email may sign up again.
 */
export async function deleteAccount(actor: Actor, raw: unknown): Promise<{ deletedWorkspaces: number }> {
  const { password } = parseInput(ZDeleteAccount, raw);
  const limits: Limit[] = [{ key: `delete-account:${actor.id}`, limit: 5, windowSeconds: 15 * 60 }];
  await assertNotRateLimited(limits, "Too many wrong passwords.");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordHit(limits);
    throw new AppError("INVALID_INPUT", WRONG_PASSWORD, { fieldErrors: { password: [WRONG_PASSWORD] } });
  }
  await clearHits([limits[0]!.key]);
  const outbox = new Outbox({ actorId: actor.id });
  const deletedWorkspaces = await db.$transaction(
    async (tx) => {
      // Lock the person's memberships so an ownership change cannot pass between the check and the delete.
      await tx.$queryRaw`SELECT id FROM "Membership" WHERE "userId" = ${actor.id} FOR UPDATE`;
      const memberships = await tx.membership.findMany({
        where: { userId: actor.id },
        select: {
          id: true,
          role: true,
          workspace: { select: { id: true, name: true, slug: true, _count: { select: { memberships: true } } } },
        },
      });
      const blocking = await soleOwnerships(tx, actor.id, memberships);
      if (blocking.length)
        throw new AppError(
          "CONFLICT",
          `You are the only owner of ${blocking.map((n) => `“${n}”`).join(", ")}. Make someone else an owner ` +
            "there (Settings → Members), or delete the workspace, before deleting your account.",
        );
      const alone = memberships.filter((m) => m.workspace._count.memberships === 1);
      for (const m of alone) await removeWorkspaceTx(tx, m.workspace, actor, "account");
      await cancelPendingReviews(tx, actor, outbox);
      for (const m of memberships.filter((m) => !alone.includes(m))) {
        await tx.membership.delete({ where: { id: m.id } });
        await recordAudit(tx, {
          workspaceId: m.workspace.id,
          actorId: actor.id,
          type: "member.account_deleted",
          data: { userId: actor.id, name: actor.name, role: m.role },
        });
      }
      await tx.docMember.deleteMany({ where: { userId: actor.id } });
      await tx.apiToken.deleteMany({ where: { userId: actor.id } });
      await tx.notification.deleteMany({ where: { userId: actor.id } });
      await tx.authSession.updateMany({
        where: { userId: actor.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      await tx.user.update({
        where: { id: actor.id },
        data: {
          // The address is free to sign up again; nothing can sign in as this row.
          email: `deleted-${actor.id}@deleted.invalid`,
          passwordHash: "",
          deletedAt: new Date(),
          sessionVersion: { increment: 1 },
        },
      });
      await tx.deletionRecord.create({
        data: {
          kind: "account",
          subjectId: actor.id,
          name: actor.name,
          actorId: actor.id,
          actorName: actor.name,
          data: { workspacesLeft: memberships.length - alone.length, workspacesDeleted: alone.length },
        },
      });
      return alone.length;
    },
    { timeout: 60_000 },
  );
  void outbox.flush();
  logger.info({ userId: actor.id }, "account deleted");
  return { deletedWorkspaces };
}
