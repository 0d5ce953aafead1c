import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, type DocMemberRole } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { canGrantDocRole, docRoleFromMember, docRoleFromWorkspace, docRoleRank } from "@/lib/docs/policy";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { inviteToDoc } from "./doc-invitations";
import type { AddedDocMemberDTO, DocMemberDTO, SharedWithMeDTO } from "./dto";
import { ZAddDocMember } from "./schemas";

const ROLE_WORDS: Record<DocMemberRole, string> = {
  OWNER: "owner",
  EDITOR: "editor",
  REVIEWER: "reviewer",
  VIEWER: "viewer",
};

/**
 * Give someone a role on one doc (or change it). A member of the doc's workspace, or
 * someone already on the doc, gets it at once: the sharer sees them anyway. Anyone
 * else is invited (lib/sharing/doc-invitations.ts) and gets this doc, and nothing else,
 * once they accept — the answer is the same whether or not the address has an
 * account, and names nobody.
 */
export async function addDocMember(
  actor: Actor,
  docId: string,
  raw: unknown,
  baseUrl: string,
): Promise<AddedDocMemberDTO> {
  const { doc, role: actorRole } = await requireDocAccess(actor, { id: docId }, "share");
  const input = parseInput(ZAddDocMember, raw);
  if (!canGrantDocRole(actorRole, input.role)) {
    throw new AppError("FORBIDDEN", `Only owners can make someone ${ROLE_WORDS[input.role]} of this doc.`, {
      fieldErrors: { role: ["Above your own role"] },
    });
  }
  const user = await db.user.findFirst({
    where: {
      email: input.email,
      OR: [
        { memberships: { some: { workspaceId: doc.workspaceId } } },
        { docMemberships: { some: { documentId: doc.id } } },
      ],
    },
    select: { id: true, name: true, memberships: { where: { workspaceId: doc.workspaceId }, select: { role: true } } },
  });
  if (!user) return inviteToDoc(actor, doc, input, baseUrl);
  const wsRole = user.memberships[0]?.role;
  const fromWorkspace = wsRole ? docRoleFromWorkspace(wsRole, doc.authorId === user.id) : null;
  if (fromWorkspace && docRoleRank(fromWorkspace) >= docRoleRank(docRoleFromMember(input.role))) {
    throw new AppError("CONFLICT", `${user.name} is already ${fromWorkspace} of this doc through the workspace.`, {
      fieldErrors: { email: ["Already has this access"] },
    });
  }
  const existing = await db.docMember.findUnique({
    where: { documentId_userId: { documentId: doc.id, userId: user.id } },
    select: { role: true },
  });
  if (existing && !canGrantDocRole(actorRole, existing.role))
    throw new AppError("FORBIDDEN", `Only owners can change the role of a doc owner.`);
  await db.$transaction(async (tx) => {
    await tx.docMember.upsert({
      where: { documentId_userId: { documentId: doc.id, userId: user.id } },
      create: { documentId: doc.id, userId: user.id, role: input.role, addedById: actor.id },
      update: { role: input.role },
    });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: existing ? "doc_member.role_changed" : "doc_member.added",
      data: { userId: user.id, role: input.role, ...(existing ? { from: existing.role } : {}) },
    });
  });
  const members = await listDocMembers(actor, doc.id);
  return { kind: "member", member: members.find((m) => m.userId === user.id)! };
}

export async function removeDocMember(actor: Actor, docId: string, userId: string): Promise<void> {
  const { doc, role: actorRole } = await requireDocAccess(actor, { id: docId }, "share");
  if (typeof userId !== "string" || !userId || userId.length > 64)
    throw new AppError("NOT_FOUND", "This person has no access of their own to this doc.");
  const member = await db.docMember.findUnique({
    where: { documentId_userId: { documentId: doc.id, userId } },
    select: { id: true, role: true },
  });
  if (!member) throw new AppError("NOT_FOUND", "This person has no access of their own to this doc.");
  if (!canGrantDocRole(actorRole, member.role)) throw new AppError("FORBIDDEN", "Only owners can remove a doc owner.");
  await db.$transaction(async (tx) => {
    await tx.docMember.delete({ where: { id: member.id } });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "doc_member.removed",
      data: { userId, role: member.role },
    });
  });
}

/** People invited to this doc by name (their emails are for those who manage sharing only). */
export async function listDocMembers(actor: Actor, docId: string): Promise<DocMemberDTO[]> {
  const { doc, role } = await requireDocAccess(actor, { id: docId }, "share");
  const rows = await db.docMember.findMany({
    where: { documentId: doc.id },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
      addedBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    role: r.role,
    addedBy: r.addedBy.name,
    addedAt: r.createdAt.toISOString(),
    removable: canGrantDocRole(role, r.role),
  }));
}

/** Docs shared with the actor one by one, from workspaces they are not a member of (filtered in SQL). */
export async function listDocsSharedWithMe(actor: Actor): Promise<SharedWithMeDTO[]> {
  const rows = await db.docMember.findMany({
    where: {
      userId: actor.id,
      document: { archivedAt: null, workspace: { memberships: { none: { userId: actor.id } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      role: true,
      addedBy: { select: { name: true } },
      document: {
        select: { id: true, slug: true, title: true, updatedAt: true, workspace: { select: { name: true } } },
      },
    },
  });
  return rows.map((r) => ({
    id: r.document.id,
    slug: r.document.slug,
    title: r.document.title,
    role: r.role,
    sharedBy: r.addedBy.name,
    workspaceName: r.document.workspace.name,
    updatedAt: r.document.updatedAt.toISOString(),
  }));
}
