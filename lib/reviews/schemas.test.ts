import { describe, expect, it } from "vitest";
import { verdictFromApi, ZRequestReview, ZSubmitVerdict } from "./schemas";

describe("review input schemas", () => {
  it("reads the JSON API's verdict names", () => {
    expect(ZSubmitVerdict.parse(verdictFromApi({ verdict: "request_changes", revision: 3 }))).toMatchObject({
      kind: "REQUEST_CHANGES",
      body: null,
    });
    expect(ZSubmitVerdict.parse(verdictFromApi({ verdict: "Approve", revision: 3, body: "  ok " }))).toMatchObject({
      kind: "APPROVE",
      body: "ok",
    });
    expect(ZSubmitVerdict.safeParse(verdictFromApi({ verdict: "maybe", revision: 3 })).success).toBe(false);
    expect(ZSubmitVerdict.safeParse({ kind: "APPROVE" }).success).toBe(false);
  });

  it("a due date is the end of that day (UTC); reviewers are de-duplicated; a quorum needs a number", () => {
    const parsed = ZRequestReview.parse({ reviewerIds: ["a", "a", "b"], dueAt: "2026-12-01" });
    expect(parsed).toMatchObject({ reviewerIds: ["a", "b"], sectionKeys: [], message: null });
    expect(parsed.dueAt?.toISOString()).toBe("2026-12-01T23:59:59.000Z");
    expect(ZRequestReview.parse({ reviewerIds: ["a"], dueAt: "" }).dueAt).toBeNull();
    expect(ZRequestReview.safeParse({ reviewerIds: ["a"], dueAt: "next week" }).success).toBe(false);
    expect(ZRequestReview.safeParse({ reviewerIds: ["a"], rule: "AT_LEAST" }).error?.issues[0]).toMatchObject({
      path: ["requiredApprovals"],
      message: "Say how many approvals are needed",
    });
    expect(
      ZRequestReview.parse({ reviewerIds: ["a"], rule: "AT_LEAST", requiredApprovals: "2" }).requiredApprovals,
    ).toBe(2);
    expect(ZRequestReview.safeParse({ reviewerIds: [] }).success).toBe(false);
  });
});
