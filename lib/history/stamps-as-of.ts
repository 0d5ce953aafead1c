import "server-only";
import { db } from "@/lib/db";
import { bindContent, coveredSections } from "@/lib/reviews/content";
import { latestDecisive } from "@/lib/reviews/derive-status";
import type { ReviewedByStamp } from "@/lib/reviews/dto";
import type { VersionAsOf } from "./points";

/** When the doc moved on from `point`: its next version's time, or null while it is the head. */
async function nextVersionAt(docId: string, point: bigint): Promise<Date | null> {
  const rows = await db.$queryRaw<{ at: Date }[]>`
    SELECT "createdAt" AS at FROM "SectionVersion" WHERE "documentId" = ${docId} AND seq > ${point}
    ORDER BY seq LIMIT 1`;
  return rows[0]?.at ?? null;
}

/**
 * "Reviewed By" as it stood while the doc was at `point`: each reviewer's latest decisive
 * verdict given before the doc moved on, counted when it is an approval whose covered
 * sections hash (at that point) to exactly what was approved. The same binding as the
 * live stamps (lib/reviews/content.ts), so a restored approved text counts again.
 */
export async function reviewedByAsOf(
  docId: string,
  point: bigint,
  sections: readonly VersionAsOf[],
): Promise<ReviewedByStamp[]> {
  const until = await nextVersionAt(docId, point);
  const verdicts = await db.verdict.findMany({
    where: {
      documentId: docId,
      kind: { in: ["APPROVE", "REQUEST_CHANGES"] },
      ...(until ? { createdAt: { lt: until } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: {
      reviewerId: true,
      kind: true,
      sectionKeys: true,
      createdAt: true,
      revision: true,
      contentHash: true,
      reviewer: { select: { id: true, name: true } },
    },
  });
  const asContent = sections.map((s) => ({
    key: s.key,
    title: s.title,
    version: s.version,
    content: s.content,
    text: "",
  }));
  return [...latestDecisive(verdicts.map((v) => ({ ...v, stale: false }))).values()]
    .filter(
      (v) =>
        v.kind === "APPROVE" && bindContent(coveredSections(asContent, v.sectionKeys)).contentHash === v.contentHash,
    )
    .map((v) => ({
      reviewer: v.reviewer,
      approvedAt: v.createdAt.toISOString(),
      revision: v.revision,
      contentHash: v.contentHash,
      stale: null,
    }));
}
