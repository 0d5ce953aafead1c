import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { docCan, docRoleFromWorkspace, type DocAction, type DocRole } from "./policy";

export type DocContext = {
  doc: { id: string; slug: string; title: string; workspaceId: string; authorId: string; archivedAt: Date | null };
  role: DocRole;
};

const NOT_FOUND = "This doc does not exist, or you do not have access to it.";

/**
 * THE choke point for doc operations: resolves the caller's doc role and checks
 * `action` against the policy table. A doc the caller cannot read is NOT_FOUND
 * (indistinguishable from a missing one); a forbidden action is FORBIDDEN.
 * Archived docs are read-only until restored.
 */
export async function requireDocAccess(actor: Actor, ref: { id: string } | { slug: string }, action: DocAction): Promise<DocContext> {
  const where = "id" in ref ? { id: ref.id } : { slug: ref.slug };
  if (!Object.values(where)[0] || String(Object.values(where)[0]).length > 200) throw new AppError("NOT_FOUND", NOT_FOUND);
  const doc = await db.document.findUnique({
    where,
    select: {
      id: true,
      slug: true,
      title: true,
      workspaceId: true,
      authorId: true,
      archivedAt: true,
      workspace: { select: { memberships: { where: { userId: actor.id }, select: { role: true } } } },
    },
  });
  const membership = doc?.workspace.memberships[0];
  if (!doc || !membership) throw new AppError("NOT_FOUND", NOT_FOUND);
  const role = docRoleFromWorkspace(membership.role, doc.authorId === actor.id);
  if (!docCan(role, action)) {
    throw new AppError("FORBIDDEN", action === "edit" ? "You can read this doc but not edit it." : "Your role on this doc does not allow that.");
  }
  if (doc.archivedAt && (action === "edit" || action === "review")) {
    throw new AppError("CONFLICT", "This doc is archived. Restore it to make changes.");
  }
  const { workspace: _w, ...rest } = doc;
  return { doc: rest, role };
}
