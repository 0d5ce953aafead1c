import "server-only";
import { db, Prisma } from "@/lib/db";
import type { PersonDTO } from "@/lib/docs/dto";
import { latestDecisive, type StatusVerdict } from "./derive-status";
import type { ReviewedByStamp } from "./dto";
import { parseReviewRecords, reviewRecordsSql } from "./records";

export { currentStamps, formatReviewedBy } from "./stamp-format";

/**
 * "Reviewed By" stamps: every reviewer whose standing decision is an approval, current or stale.
 * No access check: callers have already authorized the doc (the doc page through
 * getDocForViewer, the shared view through its share token, the Markdown export).
 */
export async function getReviewedByStamps(docId: string): Promise<ReviewedByStamp[]> {
  // The same statement as the doc page's, so the footer reads the same everywhere.
  const rows = await db.$queryRaw<{ reviewRequests: unknown; verdicts: unknown }[]>`
    SELECT ${reviewRecordsSql(Prisma.sql`d.id`)} FROM "Document" d WHERE d.id = ${docId}`;
  const row = rows[0];
  return row ? stampsFromVerdicts(parseReviewRecords(row).verdicts) : [];
}

type StampVerdict = StatusVerdict & {
  revision: number;
  contentHash: string;
  reviewer: PersonDTO;
  staleAt: Date | null;
  staleSection: string | null;
};

/** The stamps of a doc whose verdicts are already loaded (oldest approval first). */
export function stampsFromVerdicts(verdicts: readonly StampVerdict[]): ReviewedByStamp[] {
  return [...latestDecisive(verdicts).values()]
    .filter((v) => v.kind === "APPROVE")
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((v) => ({
      reviewer: v.reviewer,
      approvedAt: v.createdAt.toISOString(),
      revision: v.revision,
      contentHash: v.contentHash,
      stale: v.stale ? { at: (v.staleAt ?? v.createdAt).toISOString(), section: v.staleSection } : null,
    }));
}
