import "server-only";
import type { Actor } from "@/lib/auth/session";
import { canManageMember, ROLE_LABELS } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record";
import { newToken, sha256Hex } from "@/lib/crypto";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "./access";
import { ZInvite } from "./schemas";

export const INVITATION_TTL_DAYS = 7;

export type InvitationDTO = {
  id: string;
  email: string;
  role: import("@/lib/db").WorkspaceRole;
  invitedBy: string;
  expiresAt: string;
};

/**
 * Invite someone by email. The link works once and for 7 days. When SMTP is not
 * configured (or sending fails) the inviter gets the link to pass on themselves.
 */
export async function inviteMember(actor: Actor, workspaceId: string, raw: unknown, baseUrl: string) {
  const { workspace, role: actorRole } = await requireWorkspace(actor, { id: workspaceId }, "members.invite");
  const input = parseInput(ZInvite, raw);
  if (!canManageMember(actorRole, input.role, input.role))
    throw new AppError("FORBIDDEN", `Only owners can invite ${ROLE_LABELS[input.role].toLowerCase()}s.`);
  const existing = await db.membership.findFirst({
    where: { workspaceId, user: { email: input.email } },
    select: { id: true },
  });
  if (existing)
    throw new AppError("CONFLICT", `${input.email} is already a member of this workspace.`, {
      fieldErrors: { email: ["Already a member"] },
    });

  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  const invitation = await db.$transaction(async (tx) => {
    // A new invitation replaces any pending one for the same address.
    await tx.invitation.updateMany({
      where: { workspaceId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: sha256Hex(token),
        invitedById: actor.id,
        expiresAt,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: actor.id,
      type: "member.invited",
      data: { email: input.email, role: input.role },
    });
    return created;
  });
  const link = `${baseUrl.replace(/\/$/, "")}/invite/${token}`;
  const emailed = await sendMail({
    to: input.email,
    subject: `${actor.name} invited you to ${workspace.name} on Design Review`,
    text:
      `${actor.name} invited you to join "${workspace.name}" on Design Review ` +
      `as ${ROLE_LABELS[input.role].toLowerCase()}.\n\n` +
      `Accept the invitation: ${link}\n\n` +
      `The link works once and expires in ${INVITATION_TTL_DAYS} days.`,
  });
  return { id: invitation.id, email: input.email, link, emailed, expiresAt: expiresAt.toISOString() };
}

export async function listPendingInvitations(actor: Actor, workspaceId: string): Promise<InvitationDTO[]> {
  await requireWorkspace(actor, { id: workspaceId }, "members.invite");
  const rows = await db.invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    invitedBy: r.invitedBy.name,
    expiresAt: r.expiresAt.toISOString(),
  }));
}

export async function revokeInvitation(actor: Actor, workspaceId: string, invitationId: string) {
  await requireWorkspace(actor, { id: workspaceId }, "members.invite");
  const { count } = await db.invitation.updateMany({
    where: { id: invitationId, workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "That invitation is no longer pending.");
}

type InvitationState = "valid" | "expired" | "used" | "revoked";

/** What the /invite/<token> page shows before the visitor accepts. Unknown tokens are null. */
export async function findInvitationByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true, slug: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!row) return null;
  const state: InvitationState = row.acceptedAt
    ? "used"
    : row.revokedAt
      ? "revoked"
      : row.expiresAt <= new Date()
        ? "expired"
        : "valid";
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    workspaceName: row.workspace.name,
    workspaceSlug: row.workspace.slug,
    invitedBy: row.invitedBy.name,
    state,
  };
}

/** Accept an invitation: once, before expiry, by the account it was sent to. */
export async function acceptInvitation(actor: Actor, token: string): Promise<{ workspaceSlug: string }> {
  const invitation = await findInvitationByToken(token);
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
  if (invitation.state === "used") throw new AppError("CONFLICT", "This invitation has already been used.");
  if (invitation.state === "revoked")
    throw new AppError("NOT_FOUND", "This invitation was withdrawn. Ask for a new one.");
  if (invitation.state === "expired")
    throw new AppError("NOT_FOUND", "This invitation has expired. Ask for a new one.");
  if (invitation.email !== actor.email.toLowerCase()) {
    throw new AppError(
      "FORBIDDEN",
      `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
    );
  }
  return acceptInvitationById(actor, invitation.id);
}

/** Accept by id (a sign-up that came from the invitation, now confirmed): once, before expiry, by its address. */
export async function acceptInvitationById(actor: Actor, invitationId: string): Promise<{ workspaceSlug: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.invitation.findUnique({
      where: { id: invitationId },
      select: { id: true, email: true, workspaceId: true, role: true, workspace: { select: { slug: true } } },
    });
    if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
    if (row.email !== actor.email.toLowerCase())
      throw new AppError(
        "FORBIDDEN",
        `This invitation was sent to ${row.email}. Sign in with that address to accept it.`,
      );
    // INVARIANT: the conditional update makes acceptance single-use even under races.
    const { count } = await tx.invitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date(), acceptedById: actor.id },
    });
    if (count === 0) throw new AppError("CONFLICT", "This invitation has already been used.");
    await tx.membership.upsert({
      where: { userId_workspaceId: { userId: actor.id, workspaceId: row.workspaceId } },
      create: { userId: actor.id, workspaceId: row.workspaceId, role: row.role },
      update: {},
    });
    await recordAudit(tx, {
      workspaceId: row.workspaceId,
      actorId: actor.id,
      type: "member.joined",
      data: { role: row.role },
    });
    return { workspaceSlug: row.workspace.slug };
  });
}
