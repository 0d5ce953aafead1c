import { describe, expect, it } from "vitest";
import type { DocStatus } from "@/lib/docs/dto";
import { deriveStatus, reviewerState, type StatusRequest, type StatusVerdict } from "./derive-status";

let clock = 0;
const at = () => new Date(Date.UTC(2026, 10, 26, 8, 0, clock++));
const req = (reviewerId: string, sectionKeys: string[] = []): StatusRequest => ({ reviewerId, sectionKeys });
const approve = (reviewerId: string, opts: { stale?: boolean; keys?: string[] } = {}): StatusVerdict => ({
  reviewerId,
  kind: "APPROVE",
  sectionKeys: opts.keys ?? [],
  stale: opts.stale ?? false,
  createdAt: at(),
});
const changes = (reviewerId: string): StatusVerdict => ({
  reviewerId,
  kind: "REQUEST_CHANGES",
  sectionKeys: [],
  stale: false,
  createdAt: at(),
});
const comment = (reviewerId: string): StatusVerdict => ({
  reviewerId,
  kind: "COMMENT",
  sectionKeys: [],
  stale: false,
  createdAt: at(),
});

type Case = [
  name: string,
  rule: "ALL" | "AT_LEAST",
  n: number | null,
  requests: StatusRequest[],
  verdicts: StatusVerdict[],
  expected: DocStatus,
];

const cases: Case[] = [
  ["no requests is a draft", "ALL", null, [], [], "DRAFT"],
  ["verdicts without an active request leave a draft", "ALL", null, [], [approve("a")], "DRAFT"],
  ["a request without verdicts is in review", "ALL", null, [req("a")], [], "IN_REVIEW"],
  ["ALL: one of two approved is still in review", "ALL", null, [req("a"), req("b")], [approve("a")], "IN_REVIEW"],
  ["ALL: both approved is approved", "ALL", null, [req("a"), req("b")], [approve("a"), approve("b")], "APPROVED"],
  [
    "any current request for changes wins",
    "ALL",
    null,
    [req("a"), req("b")],
    [approve("a"), changes("b")],
    "CHANGES_REQUESTED",
  ],
  [
    "changes requested also blocks an AT_LEAST quorum",
    "AT_LEAST",
    1,
    [req("a"), req("b")],
    [approve("a"), changes("b")],
    "CHANGES_REQUESTED",
  ],
  ["approving after requesting changes counts", "ALL", null, [req("a")], [changes("a"), approve("a")], "APPROVED"],
  [
    "requesting changes after approving counts",
    "ALL",
    null,
    [req("a")],
    [approve("a"), changes("a")],
    "CHANGES_REQUESTED",
  ],
  ["a comment does not undo an approval", "ALL", null, [req("a")], [approve("a"), comment("a")], "APPROVED"],
  ["a comment alone is not an approval", "ALL", null, [req("a")], [comment("a")], "IN_REVIEW"],
  [
    "a stale approval sends the doc back to review",
    "ALL",
    null,
    [req("a"), req("b")],
    [approve("a"), approve("b", { stale: true })],
    "IN_REVIEW",
  ],
  [
    "approving again after a stale approval",
    "ALL",
    null,
    [req("a")],
    [approve("a", { stale: true }), approve("a")],
    "APPROVED",
  ],
  [
    "AT_LEAST 2 of 3: two approvals suffice",
    "AT_LEAST",
    2,
    [req("a"), req("b"), req("c")],
    [approve("a"), approve("c")],
    "APPROVED",
  ],
  [
    "AT_LEAST 2 of 3: one approval is not enough",
    "AT_LEAST",
    2,
    [req("a"), req("b"), req("c")],
    [approve("a")],
    "IN_REVIEW",
  ],
  [
    "AT_LEAST 2: a stale one does not count",
    "AT_LEAST",
    2,
    [req("a"), req("b")],
    [approve("a"), approve("b", { stale: true })],
    "IN_REVIEW",
  ],
  ["AT_LEAST counts only requested reviewers", "AT_LEAST", 1, [req("a")], [approve("x")], "IN_REVIEW"],
  ["ALL ignores approvals of people not requested", "ALL", null, [req("a")], [approve("a"), changes("x")], "APPROVED"],
  [
    "a section approval signs off a request for that section",
    "ALL",
    null,
    [req("a", ["security"])],
    [approve("a", { keys: ["security"] })],
    "APPROVED",
  ],
  [
    "a section approval does not sign off the whole doc",
    "ALL",
    null,
    [req("a")],
    [approve("a", { keys: ["security"] })],
    "IN_REVIEW",
  ],
  ["a whole-doc approval covers a section request", "ALL", null, [req("a", ["security"])], [approve("a")], "APPROVED"],
];

describe("deriveStatus", () => {
  it.each(cases)("%s", (_name, rule, n, requests, verdicts, expected) => {
    expect(deriveStatus({ rule, requiredApprovals: n, requests, verdicts })).toBe(expected);
  });

  it("does not depend on the order verdicts arrive in", () => {
    const verdicts = [approve("a"), changes("a"), approve("b")];
    const status = deriveStatus({ rule: "ALL", requiredApprovals: null, requests: [req("a"), req("b")], verdicts });
    expect(
      deriveStatus({
        rule: "ALL",
        requiredApprovals: null,
        requests: [req("a"), req("b")],
        verdicts: [...verdicts].reverse(),
      }),
    ).toBe(status);
    expect(status).toBe("CHANGES_REQUESTED");
  });
});

describe("reviewerState", () => {
  it.each([
    ["no verdict", undefined, "pending"],
    ["a current approval", approve("a"), "approved"],
    ["a stale approval", approve("a", { stale: true }), "stale"],
    ["changes requested", changes("a"), "changes_requested"],
  ] as const)("%s → %s", (_name, verdict, state) => {
    expect(reviewerState(req("a"), verdict)).toBe(state);
  });
});

describe("open blocking comment threads", () => {
  it("hold back APPROVED (IN_REVIEW instead) and nothing else", () => {
    const approved = { rule: "ALL" as const, requiredApprovals: null, requests: [req("a")], verdicts: [approve("a")] };
    expect(deriveStatus({ ...approved, openBlockingThreads: 2 })).toBe("IN_REVIEW");
    expect(deriveStatus({ ...approved, openBlockingThreads: 0 })).toBe("APPROVED");
    expect(deriveStatus({ ...approved, verdicts: [changes("a")], openBlockingThreads: 1 })).toBe("CHANGES_REQUESTED");
    expect(deriveStatus({ ...approved, requests: [], openBlockingThreads: 1 })).toBe("DRAFT");
  });
});
