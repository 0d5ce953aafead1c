import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db, Prisma, type DocMemberRole, type ShareRole, type WorkspaceRole } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { LINK_CREATOR_CAN_SHARE } from "@/lib/sharing/link-creator";
import {
  docCan,
  docRoleFromMember,
  docRoleFromShareLink,
  docRoleFromWorkspace,
  maxDocRole,
  type DocAction,
  type DocRole,
} from "./policy";

/**
 * Someone holding a share link rather than an account.
 * INVARIANT: only lib/sharing/resolve-token.ts builds one, after it has checked the
 * token, expiry, revocation and password; the choke point re-checks expiry and revocation.
 */
export type ShareLinkCaller = { kind: "link"; linkId: string };

/** Who is asking: a signed-in user (an Actor) or a share-link holder. */
export type DocCaller = Actor | ShareLinkCaller;

export type DocContext = {
  doc: { id: string; slug: string; title: string; workspaceId: string; authorId: string; archivedAt: Date | null };
  role: DocRole;
  /** The caller's workspace role in the doc's workspace; null for per-doc members and link holders. */
  workspaceRole: WorkspaceRole | null;
};

const NOT_FOUND = "This doc does not exist, or you do not have access to it.";
// Matches no row: used in place of the id of the kind of caller we do not have.
const NONE = "";

export type AccessRow = DocContext["doc"] & {
  workspaceRole: WorkspaceRole | null;
  memberRole: DocMemberRole | null;
  linkRole: ShareRole | null;
};

export function isLinkCaller(caller: DocCaller): caller is ShareLinkCaller {
  return (caller as ShareLinkCaller).kind === "link";
}

/**
 * THE choke point for doc operations: resolves the caller's doc role — the stronger
 * of their workspace role and their per-doc membership, or the role of the share
 * link they hold — and checks `action` against the policy table. A doc the caller
 * cannot read is NOT_FOUND (indistinguishable from a missing one); a forbidden
 * action is FORBIDDEN. Archived docs are read-only until restored.
 */
export async function requireDocAccess(
  caller: DocCaller,
  ref: { id: string } | { slug: string },
  action: DocAction,
): Promise<DocContext> {
  const key = "id" in ref ? ref.id : ref.slug;
  if (typeof key !== "string" || !key || key.length > 200) throw new AppError("NOT_FOUND", NOT_FOUND);
  const userId = isLinkCaller(caller) ? NONE : caller.id;
  const linkId = isLinkCaller(caller) ? caller.linkId : NONE;
  // One statement (this runs on every doc request): the doc and the caller's three possible grants.
  const where = "id" in ref ? Prisma.sql`d.id = ${key}` : Prisma.sql`d.slug = ${key}`;
  const rows = await db.$queryRaw<AccessRow[]>(accessRowSql(userId, linkId, where));
  const doc = rows[0];
  if (!doc) throw new AppError("NOT_FOUND", NOT_FOUND);
  const { workspaceRole, memberRole: _member, linkRole: _link, ...rest } = doc;
  const role = roleFromAccessRow(doc, userId);
  if (!role || !docCan(role, "view")) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (!docCan(role, action)) {
    throw new AppError(
      "FORBIDDEN",
      action === "edit" ? "You can read this doc but not edit it." : "Your role on this doc does not allow that.",
    );
  }
  if (doc.archivedAt && (action === "edit" || action === "review")) {
    throw new AppError("CONFLICT", "This doc is archived. Restore it to make changes.");
  }
  return { doc: rest, role, workspaceRole };
}

/**
 * The access check's statement: the doc `where` picks, with the caller's three possible
 * grants. `userId` and `linkId` may be columns of an enclosing statement (lib/docs/page-cache.ts
 * runs the check inside its one statement, lib/collab/access.ts for many callers at once); NONE
 * when the caller does not have that kind of grant.
 */
export function accessRowSql(userId: string | Prisma.Sql, linkId: string | Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id, d.slug, d.title, d."workspaceId", d."authorId", d."archivedAt",
      (SELECT m.role::text FROM "Membership" m
        WHERE m."workspaceId" = d."workspaceId" AND m."userId" = ${userId}) AS "workspaceRole",
      (SELECT dm.role::text FROM "DocMember" dm
        WHERE dm."documentId" = d.id AND dm."userId" = ${userId}) AS "memberRole",
      -- INVARIANT: a link grants access to its own doc only (the documentId is the filter), and only while the
      -- person who created it may still share the doc (lib/sharing/link-creator.ts).
      (SELECT l.role::text FROM "ShareLink" l WHERE l.id = ${linkId} AND l."documentId" = d.id AND l."revokedAt" IS NULL
         AND (l."expiresAt" IS NULL OR l."expiresAt" > now()) AND ${LINK_CREATOR_CAN_SHARE}) AS "linkRole"
    FROM "Document" d
    WHERE ${where}`;
}

/** The caller's doc role from their grants: the link's, or the stronger of workspace and per-doc membership. */
export function roleFromAccessRow(
  row: Pick<AccessRow, "authorId" | "workspaceRole" | "memberRole" | "linkRole">,
  userId: string,
): DocRole | null {
  if (row.linkRole) return docRoleFromShareLink(row.linkRole);
  return maxDocRole(
    row.workspaceRole ? docRoleFromWorkspace(row.workspaceRole, row.authorId === userId) : null,
    row.memberRole ? docRoleFromMember(row.memberRole) : null,
  );
}
