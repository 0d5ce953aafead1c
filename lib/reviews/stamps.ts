import "server-only";
import { db } from "@/lib/db";
import type { PersonDTO } from "@/lib/docs/dto";
import { latestDecisive, type StatusVerdict } from "./derive-status";
import type { ReviewedByStamp } from "./dto";

/**
 * "Reviewed By" stamps: every reviewer whose standing decision is a current approval.
 * No access check: callers have already authorized the doc (the doc page through
 * getDocForViewer, the shared view through its share token, the Markdown export).
 */
export async function getReviewedByStamps(docId: string): Promise<ReviewedByStamp[]> {
  const verdicts = await db.verdict.findMany({
    where: { documentId: docId, kind: { in: ["APPROVE", "REQUEST_CHANGES"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, reviewerId: true, kind: true, sectionKeys: true, staleAt: true, createdAt: true, revision: true, contentHash: true, reviewer: { select: { id: true, name: true } } },
  });
  return stampsFromVerdicts(verdicts.map((v) => ({ ...v, stale: !!v.staleAt })));
}

/** The stamps of a doc whose verdicts are already loaded (oldest approval first). */
export function stampsFromVerdicts<V extends StatusVerdict & { revision: number; contentHash: string; reviewer: PersonDTO }>(verdicts: readonly V[]): ReviewedByStamp[] {
  return [...latestDecisive(verdicts).values()]
    .filter((v) => v.kind === "APPROVE" && !v.stale)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((v) => ({ reviewer: v.reviewer, approvedAt: v.createdAt.toISOString(), revision: v.revision, contentHash: v.contentHash }));
}

/** "Ada Lovelace (approved 2026-11-26, revision 4)". */
export function formatReviewedBy(stamp: ReviewedByStamp): string {
  return `${stamp.reviewer.name} (approved ${stamp.approvedAt.slice(0, 10)}, revision ${stamp.revision})`;
}
