import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db, type WorkspaceRole } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { docCan, docRoleFromMember, docRoleFromShareLink, docRoleFromWorkspace, maxDocRole, type DocAction, type DocRole } from "./policy";

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
export async function requireDocAccess(caller: DocCaller, ref: { id: string } | { slug: string }, action: DocAction): Promise<DocContext> {
  const key = "id" in ref ? ref.id : ref.slug;
  if (typeof key !== "string" || !key || key.length > 200) throw new AppError("NOT_FOUND", NOT_FOUND);
  const userId = isLinkCaller(caller) ? NONE : caller.id;
  const linkId = isLinkCaller(caller) ? caller.linkId : NONE;
  const doc = await db.document.findUnique({
    where: "id" in ref ? { id: key } : { slug: key },
    select: {
      id: true,
      slug: true,
      title: true,
      workspaceId: true,
      authorId: true,
      archivedAt: true,
      workspace: { select: { memberships: { where: { userId }, select: { role: true } } } },
      members: { where: { userId }, select: { role: true } },
      // INVARIANT: a link grants access to its own doc only (the relation is the filter).
      shareLinks: { where: { id: linkId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] }, select: { role: true } },
    },
  });
  if (!doc) throw new AppError("NOT_FOUND", NOT_FOUND);
  const workspaceRole = doc.workspace.memberships[0]?.role ?? null;
  const member = doc.members[0];
  const link = doc.shareLinks[0];
  const role = link
    ? docRoleFromShareLink(link.role)
    : maxDocRole(workspaceRole ? docRoleFromWorkspace(workspaceRole, doc.authorId === userId) : null, member ? docRoleFromMember(member.role) : null);
  if (!role || !docCan(role, "view")) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (!docCan(role, action)) {
    throw new AppError("FORBIDDEN", action === "edit" ? "You can read this doc but not edit it." : "Your role on this doc does not allow that.");
  }
  if (doc.archivedAt && (action === "edit" || action === "review")) {
    throw new AppError("CONFLICT", "This doc is archived. Restore it to make changes.");
  }
  const { workspace: _w, members: _m, shareLinks: _s, ...rest } = doc;
  return { doc: rest, role, workspaceRole };
}
