import { bindContent, coveredSections } from "@/lib/reviews/content";
import { latestDecisive } from "@/lib/reviews/derive-status";
import type { ReviewedByStamp } from "@/lib/reviews/dto";

/** A decisive verdict given before the doc moved on from a point (get-point.ts reads them). */
export type VerdictThen = {
  reviewer: { id: string; name: string };
  reviewerId: string;
  kind: "APPROVE" | "REQUEST_CHANGES";
  sectionKeys: string[];
  createdAt: Date;
  revision: number;
  contentHash: string;
};

type SectionThen = { key: string; title: string; version: number; content: unknown };

/**
 * "Reviewed By" as it stood while the doc was at a point: each reviewer's latest decisive
 * verdict given before the doc moved on (`verdicts`, oldest first), counted when it is an approval
 * whose covered sections hash (at that point) to exactly what was approved. The same binding as the
 * live stamps (lib/reviews/content.ts), so a restored approved text counts again.
 */
export function reviewedByAsOf(verdicts: readonly VerdictThen[], sections: readonly SectionThen[]): ReviewedByStamp[] {
  const asContent = sections.map((s) => ({ ...s, text: "" }));
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
