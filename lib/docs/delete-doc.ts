import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireDocAccess } from "./access";

export const ZDeleteDoc = z.object({
  // The doc's title, typed again: a confirmation a script cannot skip by accident.
  confirmTitle: z.string().max(500),
});

/**
 * Delete a doc for good (issue 18): its sections and every version of them, reviews, approvals, comments, share
 * links, invitations, its images (and their bytes when no other doc uses them) and its own audit trail. Only the
 * workspace's owners and admins may; the caller types the title to confirm. What stays is one workspace audit event
 * saying who deleted which doc (id and title) and when. Share links are dead at once: their rows are gone.
 */
export async function deleteDocForGood(
  actor: Actor,
  docId: string,
  raw: unknown,
): Promise<{ deleted: string; workspaceSlug: string }> {
  const { doc, workspaceRole } = await requireDocAccess(actor, { id: docId }, "view");
  if (workspaceRole !== "OWNER" && workspaceRole !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only the workspace's owners and admins can delete a doc for good.");
  const { confirmTitle } = parseInput(ZDeleteDoc, raw);
  if (confirmTitle.trim() !== doc.title.trim())
    throw new AppError("INVALID_INPUT", "Type the doc's title exactly to confirm deleting it for good.", {
      fieldErrors: { confirmTitle: ["Does not match the doc's title."] },
    });
  await db.$transaction(async (tx) => {
    const images = await tx.docImage.findMany({ where: { documentId: doc.id }, select: { sha256: true } });
    await tx.document.delete({ where: { id: doc.id } });
    // Image bytes no other doc refers to go with it.
    const shas = [...new Set(images.map((i) => i.sha256))];
    if (shas.length) await tx.mediaBlob.deleteMany({ where: { sha256: { in: shas }, images: { none: {} } } });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: null,
      actorId: actor.id,
      type: "doc.deleted",
      data: { docId: doc.id, title: doc.title },
    });
  });
  const { slug } = await db.workspace.findUniqueOrThrow({ where: { id: doc.workspaceId }, select: { slug: true } });
  return { deleted: doc.id, workspaceSlug: slug };
}
