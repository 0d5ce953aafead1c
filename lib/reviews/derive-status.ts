import type { DocStatus } from "@/lib/docs/dto";

/**
 * The doc status as a pure function of the review records (DESIGN: "derived, never
 * set by hand"). Only active requests count: a reviewer's state is their latest
 * APPROVE or REQUEST_CHANGES (a COMMENT changes nothing, as on GitHub).
 *
 * - no active request → DRAFT
 * - any requested reviewer whose latest decisive verdict is REQUEST_CHANGES → CHANGES_REQUESTED
 * - ALL: every requested reviewer has a current approval → APPROVED
 * - AT_LEAST n: n requested reviewers have a current approval → APPROVED
 * - otherwise IN_REVIEW (e.g. when an edit made an approval stale)
 * - an open blocking comment thread holds back APPROVED: IN_REVIEW until it is resolved
 *
 * An approval is current when it is not stale and covers the request's scope
 * (an approval of some sections does not sign off a request for the whole doc).
 */
export type ReviewRuleKind = "ALL" | "AT_LEAST";
export type StatusRequest = { reviewerId: string; sectionKeys: readonly string[] };
export type StatusVerdict = {
  reviewerId: string;
  kind: "APPROVE" | "REQUEST_CHANGES" | "COMMENT";
  sectionKeys: readonly string[];
  stale: boolean;
  createdAt: Date;
};
export type ReviewerState = "approved" | "changes_requested" | "stale" | "pending";

export function coversScope(verdictKeys: readonly string[], requestKeys: readonly string[]): boolean {
  if (verdictKeys.length === 0) return true;
  if (requestKeys.length === 0) return false;
  return requestKeys.every((k) => verdictKeys.includes(k));
}

/** The latest APPROVE / REQUEST_CHANGES of each reviewer. */
export function latestDecisive<V extends StatusVerdict>(verdicts: readonly V[]): Map<string, V> {
  const latest = new Map<string, V>();
  for (const v of verdicts) {
    if (v.kind === "COMMENT") continue;
    const seen = latest.get(v.reviewerId);
    if (!seen || v.createdAt > seen.createdAt) latest.set(v.reviewerId, v);
  }
  return latest;
}

export function reviewerState(request: StatusRequest, latest: StatusVerdict | undefined): ReviewerState {
  if (!latest) return "pending";
  if (latest.kind === "REQUEST_CHANGES") return "changes_requested";
  if (latest.stale) return "stale";
  return coversScope(latest.sectionKeys, request.sectionKeys) ? "approved" : "pending";
}

export function deriveStatus(input: {
  rule: ReviewRuleKind;
  requiredApprovals: number | null;
  requests: readonly StatusRequest[];
  verdicts: readonly StatusVerdict[];
  /** Open comment threads a reviewer marked blocking (lib/comments). */
  openBlockingThreads?: number;
}): DocStatus {
  if (input.requests.length === 0) return "DRAFT";
  const latest = latestDecisive(input.verdicts);
  const states = input.requests.map((r) => reviewerState(r, latest.get(r.reviewerId)));
  if (states.includes("changes_requested")) return "CHANGES_REQUESTED";
  const approved = states.filter((s) => s === "approved").length;
  const needed = input.rule === "AT_LEAST" ? Math.max(1, input.requiredApprovals ?? 1) : input.requests.length;
  return approved >= needed && !input.openBlockingThreads ? "APPROVED" : "IN_REVIEW";
}
