import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Outbox } from "@/lib/notifications/outbox";
import { latestDecisive } from "./derive-status";
import { lockDocumentRow, rederiveStatus, type LockedDoc } from "./status";

/** For the content write path: lock the doc row and refuse while an owner has locked the doc. */
export async function lockDocForEdit(tx: Tx, docId: string): Promise<LockedDoc> {
  const doc = await lockDocumentRow(tx, docId);
  if (doc.lockedAt) throw new AppError("CONFLICT", "This doc is approved and locked against edits. An owner can unlock it.");
  return doc;
}

/**
 * A section changed: every current approval covering it (its sections include the
 * key, or it covers the whole doc) becomes stale, and the status is derived again.
 * Approvals of other sections stay valid. Runs inside the save's transaction.
 */
export async function markApprovalsStale(tx: Tx, doc: LockedDoc, sectionKey: string, actor: Actor, outbox: Outbox): Promise<void> {
  // Raw SQL: this runs on every save, and almost always finds nothing.
  const hit = await tx.$queryRaw<{ id: string; reviewerId: string; revision: number; reviewerName: string }[]>`
    SELECT v.id, v."reviewerId", v.revision, u.name AS "reviewerName"
    FROM "Verdict" v JOIN "User" u ON u.id = v."reviewerId"
    WHERE v."documentId" = ${doc.id} AND v.kind = 'APPROVE' AND v."staleAt" IS NULL
      AND (${sectionKey} = ANY(v."sectionKeys") OR cardinality(v."sectionKeys") = 0)`;
  if (hit.length === 0) return;
  const section = await tx.section.findFirstOrThrow({ where: { documentId: doc.id, key: sectionKey }, select: { title: true } });
  await tx.verdict.updateMany({ where: { id: { in: hit.map((v) => v.id) } }, data: { staleAt: new Date() } });

  // Only an approval that was the reviewer's standing decision is news to them.
  const decisive = await tx.verdict.findMany({
    where: { documentId: doc.id, reviewerId: { in: hit.map((v) => v.reviewerId) }, kind: { in: ["APPROVE", "REQUEST_CHANGES"] } },
    select: { id: true, reviewerId: true, kind: true, sectionKeys: true, createdAt: true },
  });
  const standing = latestDecisive(decisive.map((v) => ({ ...v, stale: false })));
  for (const v of hit) {
    if (standing.get(v.reviewerId)?.id !== v.id) continue;
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "approval.stale",
      data: { verdictId: v.id, reviewer: { id: v.reviewerId, name: v.reviewerName }, section: section.title, approvedRevision: v.revision },
    });
    if (v.reviewerId !== actor.id) {
      await outbox.notify(tx, {
        userId: v.reviewerId,
        documentId: doc.id,
        type: "review.stale",
        data: { docTitle: doc.title, docSlug: doc.slug, actorName: actor.name, sections: [section.title] },
      });
    }
  }
  await rederiveStatus(tx, doc, actor.id, outbox);
}
