import type { ReviewedByStamp } from "./dto";

// Client-safe: the doc footer (a server-safe component) formats stamps with these too.

/** The approvals that still hold: the sign-off banner and anything that says "signed off" reads these. */
export const currentStamps = (stamps: readonly ReviewedByStamp[]) => stamps.filter((s) => !s.stale);

export function staleSince(stale: NonNullable<ReviewedByStamp["stale"]>): string {
  return stale.section ? `stale since ${stale.section} changed` : "stale since the doc changed";
}

/**
 * "Ada Lovelace (approved 2026-11-26, revision 4)", or for a stale one
 * "Raj Reviewer — approved revision 13, stale since Security Considerations changed".
 */
export function formatReviewedBy(stamp: ReviewedByStamp): string {
  if (stamp.stale) return `${stamp.reviewer.name} — approved revision ${stamp.revision}, ${staleSince(stamp.stale)}`;
  return `${stamp.reviewer.name} (approved ${stamp.approvedAt.slice(0, 10)}, revision ${stamp.revision})`;
}
