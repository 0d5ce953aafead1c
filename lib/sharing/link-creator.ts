import "server-only";
import { WORKSPACE_ROLES } from "@/lib/auth/permissions";
import { db, Prisma } from "@/lib/db";
import { DOC_MEMBER_ROLES, docCan, docRoleFromMember, docRoleFromWorkspace } from "@/lib/docs/policy";

/**
 * A share link works only while the person who created it may still share the doc:
 * someone removed from the workspace or the doc, or whose role drops below editor,
 * takes their links with them at once (an owner or editor may take a link over to
 * keep it working: lib/sharing/adopt-share-link.ts). Both the choke point's SQL and
 * the share dialog's list derive who may share from the one policy table.
 */
export const SHARING_WORKSPACE_ROLES = WORKSPACE_ROLES.filter(
  (r) => docCan(docRoleFromWorkspace(r, false), "share") && docCan(docRoleFromWorkspace(r, true), "share"),
);
export const SHARING_MEMBER_ROLES = DOC_MEMBER_ROLES.filter((r) => docCan(docRoleFromMember(r), "share"));

/** SQL: the creator of link `l` may share doc `d` (aliases as in lib/docs/access.ts). */
export const LINK_CREATOR_CAN_SHARE = Prisma.sql`(
  EXISTS (SELECT 1 FROM "Membership" cm WHERE cm."workspaceId" = d."workspaceId" AND cm."userId" = l."createdById"
    AND cm.role::text = ANY(${[...SHARING_WORKSPACE_ROLES]}::text[]))
  OR EXISTS (SELECT 1 FROM "DocMember" cd WHERE cd."documentId" = d.id AND cd."userId" = l."createdById"
    AND cd.role::text = ANY(${[...SHARING_MEMBER_ROLES]}::text[])))`;

/** Of `creatorIds`, those who may still share this doc (their links work). */
export async function creatorsWhoCanShare(
  doc: { id: string; workspaceId: string },
  creatorIds: string[],
): Promise<Set<string>> {
  if (!creatorIds.length) return new Set();
  const [memberships, docMembers] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId: doc.workspaceId, userId: { in: creatorIds }, role: { in: [...SHARING_WORKSPACE_ROLES] } },
      select: { userId: true },
    }),
    db.docMember.findMany({
      where: { documentId: doc.id, userId: { in: creatorIds }, role: { in: [...SHARING_MEMBER_ROLES] } },
      select: { userId: true },
    }),
  ]);
  return new Set([...memberships, ...docMembers].map((r) => r.userId));
}
