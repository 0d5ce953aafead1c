import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { lockDocumentRow } from "./status";

/** An owner locks an approved doc against edits (Google Docs: "lock file when approved"). */
export async function lockDoc(actor: Actor, docId: string): Promise<void> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "manage");
  await db.$transaction(async (tx) => {
    const locked = await lockDocumentRow(tx, doc.id);
    if (locked.lockedAt) throw new AppError("CONFLICT", "This doc is already locked.");
    if (locked.status !== "APPROVED") throw new AppError("CONFLICT", "Only an approved doc can be locked.");
    await tx.document.update({ where: { id: doc.id }, data: { lockedAt: new Date(), lockedById: actor.id } });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "doc.locked",
      data: { revision: locked.revision },
    });
  });
}

export async function unlockDoc(actor: Actor, docId: string): Promise<void> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "manage");
  await db.$transaction(async (tx) => {
    const locked = await lockDocumentRow(tx, doc.id);
    if (!locked.lockedAt) throw new AppError("CONFLICT", "This doc is not locked.");
    await tx.document.update({ where: { id: doc.id }, data: { lockedAt: null, lockedById: null } });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "doc.unlocked",
      data: { revision: locked.revision },
    });
  });
}
