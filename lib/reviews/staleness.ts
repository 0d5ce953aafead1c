import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emptyDoc } from "@/lib/editor/validate";
import type { Outbox } from "@/lib/notifications/outbox";
import { reviewedHash } from "./content";
import { latestDecisive } from "./derive-status";
import { lockDocumentRow, rederiveStatus, type LockedDoc } from "./status";

/** For the content write path: lock the doc row and refuse while an owner has locked the doc. */
export async function lockDocForEdit(tx: Tx, docId: string): Promise<LockedDoc> {
  const doc = await lockDocumentRow(tx, docId);
  if (doc.lockedAt)
    throw new AppError("CONFLICT", "This doc is approved and locked against edits. An owner can unlock it.");
  return doc;
}

type Hit = {
  id: string;
  reviewerId: string;
  revision: number;
  reviewerName: string;
  stale: boolean;
  sectionKeys: string[];
  approved: unknown;
};

/**
 * A section's content changed (or it was removed: `content` null). An approval counts exactly
 * while the reviewed content of the sections it covers equals what was approved (reviewedHash,
 * per section), so:
 * - a current approval covering the section whose content now differs becomes stale (audited,
 *   the reviewer told);
 * - a stale approval that is still the reviewer's standing decision counts again when this
 *   section is back to the approved text and every other covered section matches too (a restore).
 * The status is derived again. Runs inside the write's transaction, under the doc row lock.
 */
export async function syncApprovals(
  tx: Tx,
  doc: LockedDoc,
  sectionKey: string,
  content: unknown | null,
  actor: Pick<Actor, "id" | "name">,
  outbox: Outbox,
): Promise<void> {
  // Raw SQL: this runs on every save and almost always finds nothing. Only this section's part of the snapshot.
  const hits = await tx.$queryRaw<Hit[]>`
    SELECT v.id, v."reviewerId", v.revision, u.name AS "reviewerName", v."staleAt" IS NOT NULL AS stale,
      v."sectionKeys", v.snapshot -> ${sectionKey} -> 'content' AS approved
    FROM "Verdict" v JOIN "User" u ON u.id = v."reviewerId"
    WHERE v."documentId" = ${doc.id} AND v.kind = 'APPROVE'
      AND (${sectionKey} = ANY(v."sectionKeys") OR cardinality(v."sectionKeys") = 0)
      AND (v."staleAt" IS NULL OR NOT EXISTS (
        SELECT 1 FROM "Verdict" w WHERE w."documentId" = v."documentId" AND w."reviewerId" = v."reviewerId"
          AND w.kind IN ('APPROVE', 'REQUEST_CHANGES') AND w."createdAt" > v."createdAt"))`;
  if (hits.length === 0) return;
  const now = content === null ? null : reviewedHash(content);
  const matches = (approved: unknown) => now !== null && reviewedHash(approved ?? emptyDoc()) === now;
  const toStale = hits.filter((v) => !v.stale && !matches(v.approved));
  const toRevive: Hit[] = [];
  for (const v of hits) if (v.stale && matches(v.approved) && (await othersMatch(tx, doc.id, v))) toRevive.push(v);
  if (toStale.length === 0 && toRevive.length === 0) return;

  const section = await tx.section.findFirst({
    where: { documentId: doc.id, key: sectionKey },
    select: { title: true },
  });
  const title = section?.title ?? sectionKey;
  if (toStale.length) await markStale(tx, doc, toStale, title, actor, outbox);
  for (const v of toRevive) {
    await tx.verdict.update({ where: { id: v.id }, data: { staleAt: null } });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "approval.current",
      data: { verdictId: v.id, reviewer: { id: v.reviewerId, name: v.reviewerName }, section: title },
    });
  }
  await rederiveStatus(tx, doc, actor.id, outbox);
}

/** Every section the approval covers (other than the one just written) still holds the approved content. */
async function othersMatch(tx: Tx, docId: string, v: Hit): Promise<boolean> {
  const full = await tx.verdict.findUniqueOrThrow({ where: { id: v.id }, select: { snapshot: true } });
  const snapshot = full.snapshot as Record<string, { content: unknown }>;
  const sections = await tx.section.findMany({ where: { documentId: docId }, select: { key: true, content: true } });
  const covered = v.sectionKeys.length ? sections.filter((s) => v.sectionKeys.includes(s.key)) : sections;
  if (v.sectionKeys.some((k) => !sections.some((s) => s.key === k))) return false;
  return covered.every((s) => reviewedHash(snapshot[s.key]?.content ?? emptyDoc()) === reviewedHash(s.content));
}

async function markStale(
  tx: Tx,
  doc: LockedDoc,
  hit: Hit[],
  sectionTitle: string,
  actor: Pick<Actor, "id" | "name">,
  outbox: Outbox,
): Promise<void> {
  await tx.verdict.updateMany({ where: { id: { in: hit.map((v) => v.id) } }, data: { staleAt: new Date() } });
  // Only an approval that was the reviewer's standing decision is news to them.
  const decisive = await tx.verdict.findMany({
    where: {
      documentId: doc.id,
      reviewerId: { in: hit.map((v) => v.reviewerId) },
      kind: { in: ["APPROVE", "REQUEST_CHANGES"] },
    },
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
      data: {
        verdictId: v.id,
        reviewer: { id: v.reviewerId, name: v.reviewerName },
        section: sectionTitle,
        approvedRevision: v.revision,
      },
    });
    if (v.reviewerId !== actor.id) {
      await outbox.notify(tx, {
        userId: v.reviewerId,
        documentId: doc.id,
        type: "review.stale",
        data: { docTitle: doc.title, docSlug: doc.slug, actorName: actor.name, sections: [sectionTitle] },
      });
    }
  }
}

/** A section was removed: approvals covering what it held go stale (its content is gone). */
export async function markApprovalsStale(
  tx: Tx,
  doc: LockedDoc,
  sectionKey: string,
  actor: Pick<Actor, "id" | "name">,
  outbox: Outbox,
): Promise<void> {
  await syncApprovals(tx, doc, sectionKey, null, actor, outbox);
}
