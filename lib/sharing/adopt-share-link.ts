import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import type { ShareLinkDTO } from "./dto";
import { listShareLinks } from "./share-links";

/**
 * Take over a link whose creator can no longer share the doc: it becomes the actor's
 * and works again at the same URL (its recipients need nothing new). Owners and
 * editors only, like creating one; a link that is active, revoked or expired is not
 * taken over (revoked stays revoked).
 */
export async function adoptShareLink(actor: Actor, docId: string, linkId: string): Promise<ShareLinkDTO> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "share");
  if (typeof linkId !== "string" || !linkId || linkId.length > 64)
    throw new AppError("NOT_FOUND", "This share link does not exist.");
  const current = (await listShareLinks(actor, doc.id)).find((l) => l.id === linkId);
  if (!current) throw new AppError("NOT_FOUND", "This share link does not exist.");
  if (current.state !== "stopped")
    throw new AppError("CONFLICT", `This link is ${current.state}; only a stopped link can be taken over.`);
  await db.$transaction(async (tx) => {
    // INVARIANT: loaded by (id, documentId), and only while still unrevoked.
    const { count } = await tx.shareLink.updateMany({
      where: { id: linkId, documentId: doc.id, revokedAt: null },
      data: { createdById: actor.id },
    });
    if (count === 0) throw new AppError("CONFLICT", "This link was revoked meanwhile.");
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "share_link.taken_over",
      data: { linkId, from: current.createdBy },
    });
  });
  return (await listShareLinks(actor, doc.id)).find((l) => l.id === linkId)!;
}
