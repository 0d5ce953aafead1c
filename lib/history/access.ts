import "server-only";
import type { Actor } from "@/lib/auth/session";
import { requireDocAccess, type DocContext } from "@/lib/docs/access";
import { docCan } from "@/lib/docs/policy";

/**
 * History is for the doc's readers with an account: an Actor, never a share-link caller
 * (link holders see only the current version), so the type alone keeps links out.
 */
export function requireHistoryAccess(actor: Actor, ref: { id: string } | { slug: string }): Promise<DocContext> {
  return requireDocAccess(actor, ref, "view");
}

/** Restore is an edit: editors and owners of a doc that is not archived (locks are the pipeline's to refuse). */
export function mayRestore(ctx: DocContext): boolean {
  return docCan(ctx.role, "edit") && !ctx.doc.archivedAt;
}
