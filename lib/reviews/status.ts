import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import type { DocStatus } from "@/lib/docs/dto";
import type { Outbox } from "@/lib/notifications/outbox";
import { deriveStatus } from "./derive-status";

export type LockedDoc = {
  id: string;
  workspaceId: string;
  slug: string;
  title: string;
  authorId: string;
  revision: number;
  status: DocStatus;
  reviewRule: "ALL" | "AT_LEAST";
  requiredApprovals: number | null;
  lockedAt: Date | null;
  archivedAt: Date | null;
};

/**
 * Lock the document row for the rest of the transaction. Every operation that reads
 * review records to derive the status takes this lock first, so two verdicts at the
 * same instant are serialized and the second one sees the first.
 */
export async function lockDocumentRow(tx: Tx, docId: string): Promise<LockedDoc> {
  const rows = await tx.$queryRaw<LockedDoc[]>`
    SELECT id, "workspaceId", slug, title, "authorId", revision, status::text AS status,
      "reviewRule"::text AS "reviewRule", "requiredApprovals", "lockedAt", "archivedAt"
    FROM "Document" WHERE id = ${docId} FOR UPDATE`;
  const doc = rows[0];
  if (!doc) throw new Error(`document ${docId} vanished inside its transaction`);
  return doc;
}

/**
 * Re-derive the status from the records and write it, in the caller's transaction
 * (which holds the document row lock; comment threads that block or unblock take it
 * too). A change is audited; reaching APPROVED tells
 * every requested reviewer.
 */
export async function rederiveStatus(
  tx: Tx,
  doc: LockedDoc,
  actorId: string | null,
  outbox: Outbox,
): Promise<DocStatus> {
  const [requests, verdicts, fresh, openBlockingThreads] = await Promise.all([
    tx.reviewRequest.findMany({
      where: { documentId: doc.id, cancelledAt: null },
      select: { reviewerId: true, sectionKeys: true },
    }),
    tx.verdict.findMany({
      where: { documentId: doc.id },
      select: { reviewerId: true, kind: true, sectionKeys: true, staleAt: true, createdAt: true },
    }),
    tx.document.findUniqueOrThrow({
      where: { id: doc.id },
      select: { status: true, reviewRule: true, requiredApprovals: true },
    }),
    tx.commentThread.count({ where: { documentId: doc.id, blocking: true, resolvedAt: null } }),
  ]);
  const status = deriveStatus({
    rule: fresh.reviewRule,
    requiredApprovals: fresh.requiredApprovals,
    requests,
    verdicts: verdicts.map((v) => ({ ...v, stale: !!v.staleAt })),
    openBlockingThreads,
  });
  if (status === fresh.status) return status;
  await tx.document.update({ where: { id: doc.id }, data: { status } });
  await recordAudit(tx, {
    workspaceId: doc.workspaceId,
    documentId: doc.id,
    actorId,
    type: "status.changed",
    data: { from: fresh.status, to: status },
  });
  if (status === "APPROVED") {
    const data = { docTitle: doc.title, docSlug: doc.slug };
    for (const r of requests)
      await outbox.notify(tx, { userId: r.reviewerId, documentId: doc.id, type: "review.approved", data });
    if (!requests.some((r) => r.reviewerId === doc.authorId))
      await outbox.notify(tx, { userId: doc.authorId, documentId: doc.id, type: "review.approved", data });
  }
  return status;
}
