import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { newToken, sha256Hex } from "@/lib/crypto";
import { db, type DocMemberRole, type Tx } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { docRoleFromMember, docRoleRank } from "@/lib/docs/policy";
import { sendMail } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import type { DocInvitationDTO, DocInvitedDTO } from "./dto";

export const DOC_INVITATION_TTL_DAYS = 14;
const ROLE_WORDS: Record<DocMemberRole, string> = {
  OWNER: "owner",
  EDITOR: "editor",
  REVIEWER: "reviewer",
  VIEWER: "viewer",
};

export type { DocInvitationDTO };

/**
 * Invite an address to one doc. Sharing with someone outside the workspace is always an
 * invitation, whether or not the address has an account: the answer never says which
 * (nor whose), and nobody gets a doc they did not accept. They accept signed in with
 * that address (or after signing up with it). Called by addDocMember, which has checked
 * the inviter's right to give `role`. A new invitation replaces a pending one.
 */
export async function inviteToDoc(
  actor: Actor,
  doc: { id: string; title: string; workspaceId: string },
  input: { email: string; role: DocMemberRole },
  baseUrl: string,
): Promise<DocInvitedDTO> {
  const token = newToken();
  await db.$transaction(async (tx) => {
    await tx.docInvitation.updateMany({
      where: { documentId: doc.id, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.docInvitation.create({
      data: {
        documentId: doc.id,
        email: input.email,
        role: input.role,
        tokenHash: sha256Hex(token),
        invitedById: actor.id,
        expiresAt: new Date(Date.now() + DOC_INVITATION_TTL_DAYS * 86_400_000),
      },
    });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "doc_member.invited",
      data: { email: input.email, role: input.role },
    });
  });
  const link = `${baseUrl.replace(/\/$/, "")}/invite/${token}`;
  const emailed = await sendMail({
    to: input.email,
    subject: `${actor.name} shared "${doc.title}" with you on Design Review`,
    text:
      `${actor.name} invited you to the design doc "${doc.title}" on Design Review as ` +
      `${ROLE_WORDS[input.role]}.\n\nOpen the invitation: ${link}\n\nSign in (or create an account) with this ` +
      `address to accept it. The link works once and expires in ${DOC_INVITATION_TTL_DAYS} days.`,
  });
  return { kind: "invited", email: input.email, role: input.role, link, emailed };
}

/** Pending invitations of a doc (owners and editors, like the rest of sharing). */
export async function listDocInvitations(actor: Actor, docId: string): Promise<DocInvitationDTO[]> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "share");
  const rows = await db.docInvitation.findMany({
    where: { documentId: doc.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
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

export async function revokeDocInvitation(actor: Actor, docId: string, invitationId: string): Promise<void> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "share");
  if (typeof invitationId !== "string" || !invitationId || invitationId.length > 64)
    throw new AppError("NOT_FOUND", "That invitation is no longer pending.");
  await db.$transaction(async (tx) => {
    // INVARIANT: loaded by (id, documentId): an invitation to another doc is not found.
    const { count } = await tx.docInvitation.updateMany({
      where: { id: invitationId, documentId: doc.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That invitation is no longer pending.");
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "doc_member.invitation_revoked",
      data: { invitationId },
    });
  });
}

type InvitationState = "valid" | "expired" | "used" | "revoked";

/** What /invite/<token> shows for a doc invitation; unknown tokens are null. */
export async function findDocInvitationByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.docInvitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      document: { select: { title: true, slug: true, archivedAt: true } },
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
    docTitle: row.document.title,
    docSlug: row.document.slug,
    invitedBy: row.invitedBy.name,
    state,
  };
}

/**
 * Accept a doc invitation: once, before expiry, by the account it was sent to. The
 * person gets the invited role on the doc (or keeps a stronger one they already have).
 */
export async function acceptDocInvitation(actor: Actor, invitationId: string): Promise<{ docSlug: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.docInvitation.findUnique({
      where: { id: invitationId },
      select: { id: true, email: true, role: true, documentId: true, document: { select: { slug: true } } },
    });
    if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
    if (row.email !== actor.email.toLowerCase())
      throw new AppError(
        "FORBIDDEN",
        `This invitation was sent to ${row.email}. Sign in with that address to accept it.`,
      );
    // INVARIANT: the conditional update makes acceptance single-use even under races.
    const { count } = await tx.docInvitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date(), acceptedById: actor.id },
    });
    if (count === 0) throw new AppError("CONFLICT", "This invitation has already been used, withdrawn or has expired.");
    await grantDocRole(tx, row.documentId, actor.id, row.role, row.id);
    return { docSlug: row.document.slug };
  });
}

async function grantDocRole(tx: Tx, documentId: string, userId: string, role: DocMemberRole, invitationId: string) {
  const existing = await tx.docMember.findUnique({
    where: { documentId_userId: { documentId, userId } },
    select: { role: true },
  });
  if (existing && docRoleRank(docRoleFromMember(existing.role)) >= docRoleRank(docRoleFromMember(role))) return;
  const invitation = await tx.docInvitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: { invitedById: true, document: { select: { workspaceId: true } } },
  });
  await tx.docMember.upsert({
    where: { documentId_userId: { documentId, userId } },
    create: { documentId, userId, role, addedById: invitation.invitedById },
    update: { role },
  });
  await recordAudit(tx, {
    workspaceId: invitation.document.workspaceId,
    documentId,
    actorId: userId,
    type: "doc_member.joined",
    data: { role },
  });
}
