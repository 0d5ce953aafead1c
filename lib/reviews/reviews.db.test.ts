import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { exportDocMarkdown } from "@/lib/docs/markdown";
import { renameDoc } from "@/lib/docs/mutations";
import { saveSection } from "@/lib/docs/save-section";
import { shareDocWith } from "@/prisma/factories-sharing";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "@/lib/notifications/queries";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { getHomeWorkspaceSlug } from "@/lib/workspaces/home";
import { listMyDocsInReview, listWaitingForMyReview } from "./dashboards";
import { lockDoc, unlockDoc } from "./lock";
import { getSignOffState, listReviewCandidates } from "./queries";
import { cancelReviewRequest, requestReview } from "./request-review";
import { getSignOffRecord, signOffRecordToMarkdown } from "./signoff-record";
import { getReviewedByStamps } from "./stamps";
import { submitVerdict } from "./submit-verdict";

async function edit(actor: Actor, docId: string, key: string, text: string) {
  const { version } = await db.section.findFirstOrThrow({
    where: { documentId: docId, key },
    select: { version: true },
  });
  return saveSection(actor, docId, key, { baseVersion: version, content: paragraph(text) });
}
const revisionOf = async (docId: string) =>
  (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { revision: true } })).revision;
const statusOf = async (docId: string) =>
  (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { status: true } })).status;
const verdict = async (actor: Actor, docId: string, kind: "APPROVE" | "REQUEST_CHANGES" | "COMMENT", body?: string) =>
  submitVerdict(actor, docId, { kind, body, revision: await revisionOf(docId) });

/** An author with a written doc and two members who may review it. */
async function setup(
  sections: Record<string, string> = {
    "design-overview": "Cache per section.",
    "security-considerations": "Tokens are hashed.",
    "testing-strategy": "Unit and e2e.",
  },
) {
  const author = await createUser({ name: "Ada Author" });
  const alice = await createMember(author.workspace.id, "MEMBER", "Alice Reviewer");
  const bob = await createMember(author.workspace.id, "ADMIN", "Bob Reviewer");
  const doc = await createTestDoc(author.actor, author.workspace.id, { sections });
  return { author: author.actor, workspace: author.workspace, alice: alice.actor, bob: bob.actor, doc };
}

describe("requesting review", () => {
  it("moves a draft into review, notifies the reviewers and audits the request", async () => {
    const { author, alice, bob, doc } = await setup();
    expect(await statusOf(doc.id)).toBe("DRAFT");
    await requestReview(author, doc.id, {
      reviewerIds: [alice.id, bob.id],
      message: "Please look at the cache",
      dueAt: "2026-12-01",
    });
    expect(await statusOf(doc.id)).toBe("IN_REVIEW");
    expect(await countUnreadNotifications(alice)).toBe(1);
    const [note] = await listNotifications(alice);
    expect(note).toMatchObject({
      type: "review.requested",
      text: expect.stringContaining("Ada Author asked you to review “Payments service v2”"),
      body: "Please look at the cache",
    });
    const events = await db.auditEvent.findMany({ where: { documentId: doc.id }, select: { type: true } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["review.requested", "status.changed"]));
    const state = await getSignOffState(author, doc.id);
    expect(state.reviewers.map((r) => [r.reviewer.name, r.state, r.dueAt?.slice(0, 10)])).toEqual([
      ["Alice Reviewer", "pending", "2026-12-01"],
      ["Bob Reviewer", "pending", "2026-12-01"],
    ]);
  });

  it("is refused, listing what is missing, while a required section is empty", async () => {
    const { author, alice, doc } = await setup({ "design-overview": "Written." });
    await db.section.updateMany({
      where: { documentId: doc.id, key: { in: ["design-overview", "risks-mitigation", "testing-strategy"] } },
      data: { required: true },
    });
    const error = await requestReview(author, doc.id, { reviewerIds: [alice.id] }).catch((e) => e);
    expect(error).toMatchObject({
      code: "INVALID_INPUT",
      message: "Fill in the required sections before asking for review: Testing Strategy, Risks & Mitigation.",
    });
    expect(error.details.data.missing.map((m: { key: string }) => m.key)).toEqual([
      "testing-strategy",
      "risks-mitigation",
    ]);
    expect(await db.reviewRequest.count({ where: { documentId: doc.id } })).toBe(0);
    await edit(author, doc.id, "testing-strategy", "Unit tests.");
    await edit(author, doc.id, "risks-mitigation", "Cache stampede.");
    await expect(requestReview(author, doc.id, { reviewerIds: [alice.id] })).resolves.toEqual({ requested: 1 });
  });

  it("refuses the author, viewers and strangers as reviewers, and non-editors as requesters", async () => {
    const { author, workspace, alice, doc } = await setup();
    const viewer = await createMember(workspace.id, "VIEWER", "Vera Viewer");
    const stranger = await createUser({ name: "Stan Stranger" });
    await expect(requestReview(author, doc.id, { reviewerIds: [author.id] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "The author cannot review their own doc.",
    });
    await expect(requestReview(author, doc.id, { reviewerIds: [viewer.actor.id] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: /Vera Viewer cannot review/,
    });
    await expect(requestReview(author, doc.id, { reviewerIds: [stranger.actor.id] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: /Reviewers must be people who can open this doc/,
    });
    await expect(requestReview(author, doc.id, { reviewerIds: [] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      requestReview(author, doc.id, { reviewerIds: [alice.id], sectionKeys: ["nope"] }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(requestReview(viewer.actor, doc.id, { reviewerIds: [alice.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(requestReview(stranger.actor, doc.id, { reviewerIds: [alice.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("can ask a non-member the doc is shared with to review, who signs off; doc viewers cannot be asked", async () => {
    const { author, doc } = await setup();
    const outside = await createUser({ name: "Olga Outside" });
    const reader = await createUser({ name: "Rhea Reader" });
    await shareDocWith(author, doc.id, outside.actor, "REVIEWER");
    await shareDocWith(author, doc.id, reader.actor, "VIEWER");
    expect((await listReviewCandidates(author, doc.id)).map((c) => c.name)).toEqual([
      "Alice Reviewer",
      "Bob Reviewer",
      "Olga Outside",
    ]);
    await expect(requestReview(author, doc.id, { reviewerIds: [reader.actor.id] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: /Rhea Reader cannot review/,
    });

    await requestReview(author, doc.id, { reviewerIds: [outside.actor.id] });
    expect(await countUnreadNotifications(outside.actor)).toBe(1);
    await verdict(outside.actor, doc.id, "APPROVE");
    expect(await statusOf(doc.id)).toBe("APPROVED");
    expect((await getSignOffState(author, doc.id)).stamps.map((s) => s.reviewer.name)).toEqual(["Olga Outside"]);
  });

  it("cancels a request only through its own doc", async () => {
    const { author, alice, doc } = await setup();
    const other = await createTestDoc(
      author,
      (await db.document.findUniqueOrThrow({ where: { id: doc.id } })).workspaceId,
      { sections: { "design-overview": "x" } },
    );
    await requestReview(author, doc.id, { reviewerIds: [alice.id] });
    const request = await db.reviewRequest.findFirstOrThrow({ where: { documentId: doc.id } });
    await expect(cancelReviewRequest(author, other.id, request.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await cancelReviewRequest(author, doc.id, request.id);
    expect(await statusOf(doc.id)).toBe("DRAFT");
  });
});

describe("verdicts", () => {
  it("binds an approval to the revision and a SHA-256 of the covered content; all approvals → Approved", async () => {
    const { author, alice, bob, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [alice.id, bob.id] });
    const first = await verdict(alice, doc.id, "APPROVE", "LGTM");
    expect(first).toMatchObject({ kind: "APPROVE", revision: await revisionOf(doc.id), status: "IN_REVIEW" });
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const second = await verdict(bob, doc.id, "APPROVE");
    expect(second.status).toBe("APPROVED");
    expect(second.contentHash).toBe(first.contentHash);
    const stored = await db.verdict.findUniqueOrThrow({ where: { id: first.id } });
    expect((stored.snapshot as Record<string, { text: string }>)["security-considerations"]!.text).toBe(
      "Tokens are hashed.",
    );
    // The author hears about each verdict, the one completing sign-off folded into "approved" (one, not two);
    // everyone else hears about the approval, the approver does not (issue 16).
    expect((await listNotifications(author)).map((n) => n.type)).toEqual(["review.approved", "review.verdict"]);
    expect((await listNotifications(alice)).map((n) => n.type)).toEqual(["review.approved", "review.requested"]);
  });

  it("the author cannot approve their own doc; viewers and strangers cannot give verdicts", async () => {
    const { author, workspace, alice, doc } = await setup();
    const viewer = await createMember(workspace.id, "VIEWER");
    const stranger = await createUser();
    await requestReview(author, doc.id, { reviewerIds: [alice.id] });
    await expect(verdict(author, doc.id, "APPROVE")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You cannot approve your own doc.",
    });
    await expect(verdict(viewer.actor, doc.id, "APPROVE")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(verdict(viewer.actor, doc.id, "COMMENT")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(verdict(stranger.actor, doc.id, "APPROVE")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitVerdict(alice, doc.id, { kind: "LOVE_IT", revision: 1 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await db.verdict.count({ where: { documentId: doc.id } })).toBe(0);
    expect(await statusOf(doc.id)).toBe("IN_REVIEW");
  });

  it("a request for changes wins until the reviewer approves", async () => {
    const { author, alice, bob, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [alice.id, bob.id] });
    await verdict(alice, doc.id, "APPROVE");
    await verdict(bob, doc.id, "REQUEST_CHANGES", "Add a threat model");
    expect(await statusOf(doc.id)).toBe("CHANGES_REQUESTED");
    await verdict(bob, doc.id, "COMMENT", "Still thinking");
    expect(await statusOf(doc.id)).toBe("CHANGES_REQUESTED");
    await edit(author, doc.id, "security-considerations", "Tokens are hashed. Threat model: STRIDE.");
    // Alice approved the whole doc, so the edit made her approval stale too.
    expect((await getSignOffState(author, doc.id)).reviewers.map((r) => r.state)).toEqual([
      "stale",
      "changes_requested",
    ]);
    await verdict(bob, doc.id, "APPROVE");
    await verdict(alice, doc.id, "APPROVE");
    expect(await statusOf(doc.id)).toBe("APPROVED");
  });

  it("a verdict on a revision that is no longer current is a 409 carrying the per-section diff", async () => {
    const { author, alice, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [alice.id] });
    await verdict(alice, doc.id, "REQUEST_CHANGES", "Say how tokens are hashed");
    const seen = await revisionOf(doc.id);
    await edit(author, doc.id, "security-considerations", "Tokens are hashed with SHA-256.");
    const error = await submitVerdict(alice, doc.id, { kind: "APPROVE", revision: seen }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT", status: 409 });
    expect(error.details.data).toMatchObject({ currentRevision: seen + 1, yourRevision: seen });
    expect(error.details.data.sections).toEqual([
      {
        key: "security-considerations",
        title: "Security Considerations",
        before: "Tokens are hashed.",
        after: "Tokens are hashed with SHA-256.",
        parts: [
          { kind: "same", text: "Tokens are " },
          { kind: "removed", text: "hashed." },
          { kind: "added", text: "hashed with SHA-256." },
        ],
      },
    ]);
    expect(await db.verdict.count({ where: { documentId: doc.id, kind: "APPROVE" } })).toBe(0);
    await expect(verdict(alice, doc.id, "APPROVE")).resolves.toMatchObject({ status: "APPROVED" });
  });

  it("two reviewers approving at the same instant both count", async () => {
    for (let round = 0; round < 3; round++) {
      const { author, alice, bob, doc } = await setup();
      await requestReview(author, doc.id, { reviewerIds: [alice.id, bob.id] });
      const revision = await revisionOf(doc.id);
      const results = await Promise.all([
        submitVerdict(alice, doc.id, { kind: "APPROVE", revision }),
        submitVerdict(bob, doc.id, { kind: "APPROVE", revision }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["APPROVED", "IN_REVIEW"]);
      expect(await statusOf(doc.id)).toBe("APPROVED");
      expect(
        await db.auditEvent.count({
          where: { documentId: doc.id, type: "status.changed", data: { path: ["to"], equals: "APPROVED" } },
        }),
      ).toBe(1);
    }
  });

  it("at least N of M: the N-th current approval approves; stale ones do not count", async () => {
    const { author, workspace, alice, bob, doc } = await setup();
    const carol = await createMember(workspace.id, "MEMBER", "Carol Reviewer");
    await expect(
      requestReview(author, doc.id, { reviewerIds: [alice.id], rule: "AT_LEAST", requiredApprovals: 2 }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: "2 approvals cannot come from 1 reviewer." });
    await requestReview(author, doc.id, {
      reviewerIds: [alice.id, bob.id, carol.actor.id],
      rule: "AT_LEAST",
      requiredApprovals: 2,
    });
    await verdict(alice, doc.id, "APPROVE");
    expect(await statusOf(doc.id)).toBe("IN_REVIEW");
    await verdict(carol.actor, doc.id, "APPROVE");
    expect(await statusOf(doc.id)).toBe("APPROVED");
    const state = await getSignOffState(author, doc.id);
    expect(state).toMatchObject({ rule: "AT_LEAST", requiredApprovals: 2, approvalsNeeded: 2, approvalsCurrent: 2 });
    await edit(author, doc.id, "design-overview", "Cache per section, 60 s TTL.");
    expect(await statusOf(doc.id)).toBe("IN_REVIEW");
    await verdict(bob, doc.id, "APPROVE");
    expect(await statusOf(doc.id)).toBe("IN_REVIEW");
    await verdict(alice, doc.id, "APPROVE");
    expect(await statusOf(doc.id)).toBe("APPROVED");
  });
});

describe("stale approvals", () => {
  it("are scoped to the sections they cover: edits elsewhere leave them valid", async () => {
    const { author, alice, bob, doc } = await setup();
    await requestReview(author, doc.id, {
      reviewerIds: [alice.id],
      sectionKeys: ["security-considerations"],
      message: "Security only",
    });
    await requestReview(author, doc.id, {
      reviewerIds: [bob.id],
      sectionKeys: ["design-overview", "testing-strategy"],
    });
    await verdict(alice, doc.id, "APPROVE");
    await verdict(bob, doc.id, "APPROVE");
    expect(await statusOf(doc.id)).toBe("APPROVED");
    const aliceVerdict = await db.verdict.findFirstOrThrow({ where: { reviewerId: alice.id } });
    expect(aliceVerdict.sectionKeys).toEqual(["security-considerations"]);
    expect(Object.keys(aliceVerdict.snapshot as object)).toEqual(["security-considerations"]);

    // An edit outside both scopes changes nothing.
    await edit(author, doc.id, "rollout-plan", "Phase 1: 5 %.");
    expect(await statusOf(doc.id)).toBe("APPROVED");
    expect(await db.verdict.count({ where: { documentId: doc.id, staleAt: { not: null } } })).toBe(0);

    // Testing Strategy is Bob's: only his approval goes stale.
    await edit(author, doc.id, "testing-strategy", "Unit, db and e2e.");
    expect(await statusOf(doc.id)).toBe("IN_REVIEW");
    const state = await getSignOffState(bob, doc.id);
    expect(state.reviewers.map((r) => [r.reviewer.name, r.state])).toEqual([
      ["Alice Reviewer", "approved"],
      ["Bob Reviewer", "stale"],
    ]);
    expect(state.stamps.map((s) => [s.reviewer.name, s.stale?.section ?? null])).toEqual([
      ["Alice Reviewer", null],
      ["Bob Reviewer", "Testing Strategy"],
    ]);
    expect(state.me.staleDiff).toEqual([
      expect.objectContaining({ key: "testing-strategy", before: "Unit and e2e.", after: "Unit, db and e2e." }),
    ]);
    expect((await listNotifications(bob))[0]).toMatchObject({
      type: "review.stale",
      text: "Your approval of “Payments service v2” is stale: Ada Author edited Testing Strategy",
    });
    expect(await countUnreadNotifications(alice)).toBe(2); // requested + approved; no stale notice for her
    const stale = await db.auditEvent.findMany({ where: { documentId: doc.id, type: "approval.stale" } });
    expect(stale.map((e) => (e.data as { reviewer: { name: string } }).reviewer.name)).toEqual(["Bob Reviewer"]);

    await verdict(bob, doc.id, "APPROVE");
    expect(await statusOf(doc.id)).toBe("APPROVED");
    expect((await getSignOffState(bob, doc.id)).me.staleDiff).toBeNull();
  });
});

describe("lock and sign-off record", () => {
  it("an owner locks an approved doc against edits and unlocks it, both audited", async () => {
    const { author, alice, doc } = await setup();
    await expect(lockDoc(author, doc.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only an approved doc can be locked.",
    });
    await requestReview(author, doc.id, { reviewerIds: [alice.id] });
    await verdict(alice, doc.id, "APPROVE");
    await expect(lockDoc(alice, doc.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await lockDoc(author, doc.id);
    await expect(edit(author, doc.id, "design-overview", "Sneaky change")).rejects.toMatchObject({
      code: "CONFLICT",
      message: /locked/,
    });
    await expect(renameDoc(author, doc.id, { title: "Sneaky title" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: /locked/,
    });
    expect(await statusOf(doc.id)).toBe("APPROVED");
    await unlockDoc(author, doc.id);
    await edit(author, doc.id, "design-overview", "Allowed again");
    expect(await statusOf(doc.id)).toBe("IN_REVIEW");
    const types = (
      await db.auditEvent.findMany({
        where: { documentId: doc.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { type: true },
      })
    ).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["doc.locked", "doc.unlocked", "approval.stale"]));
  });

  it("lists every approval with reviewer, time, revision and content hash, and the audit trail", async () => {
    const { author, alice, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [alice.id] });
    const first = await verdict(alice, doc.id, "APPROVE");
    await edit(author, doc.id, "design-overview", "Changed");
    const second = await verdict(alice, doc.id, "APPROVE", "Still good");
    const record = await getSignOffRecord(author, doc.id);
    expect(record.approvals).toEqual([
      expect.objectContaining({
        reviewer: "Alice Reviewer",
        revision: first.revision,
        contentHash: first.contentHash,
        current: false,
        staleAt: expect.any(String),
      }),
      expect.objectContaining({
        reviewer: "Alice Reviewer",
        revision: second.revision,
        contentHash: second.contentHash,
        current: true,
        staleAt: null,
      }),
    ]);
    expect(record.reviewedBy).toEqual([
      `Alice Reviewer (approved ${new Date().toISOString().slice(0, 10)}, revision ${second.revision})`,
    ]);
    const { markdown } = await exportDocMarkdown(author, doc.id);
    expect(markdown).toContain(
      `**Reviewed By:** Alice Reviewer ` +
        `(approved ${new Date().toISOString().slice(0, 10)}, revision ${second.revision})`,
    );
    const md = signOffRecordToMarkdown(record);
    expect(md).toContain(`\`${first.contentHash}\``);
    expect(md).toContain("Alice Reviewer's approval of revision");
    expect(md).toContain("Status: In review → Approved");
    const stranger = await createUser();
    await expect(getSignOffRecord(stranger.actor, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("dashboards", () => {
  it("a reviewer sees what waits for them; an author sees their docs in review", async () => {
    const { author, alice, bob, doc } = await setup();
    expect(await listWaitingForMyReview(alice)).toEqual([]);
    await requestReview(author, doc.id, { reviewerIds: [alice.id, bob.id], dueAt: "2026-12-24" });
    expect(await listWaitingForMyReview(alice)).toEqual([
      expect.objectContaining({ title: "Payments service v2", state: "pending", dueAt: "2026-12-24T23:59:59.000Z" }),
    ]);
    expect(await listMyDocsInReview(author)).toEqual([
      expect.objectContaining({ title: "Payments service v2", status: "IN_REVIEW", approved: 0, needed: 2 }),
    ]);
    await verdict(alice, doc.id, "APPROVE");
    await verdict(bob, doc.id, "REQUEST_CHANGES");
    expect(await listWaitingForMyReview(alice)).toEqual([]);
    expect(await listMyDocsInReview(author)).toEqual([
      expect.objectContaining({ status: "CHANGES_REQUESTED", approved: 1, changesRequestedBy: ["Bob Reviewer"] }),
    ]);
    await edit(author, doc.id, "design-overview", "Reworked");
    expect(await listWaitingForMyReview(alice)).toEqual([expect.objectContaining({ state: "stale" })]);
    expect(await listMyDocsInReview(bob)).toEqual([]);
  });
});

describe("dashboards across workspaces", () => {
  it("a reviewer invited into a team sees its reviews from anywhere, and lands there from /", async () => {
    const { author, workspace, alice, doc } = await setup();
    // Alice's own workspace came first (as after signing up) and has a doc; the team's review waits elsewhere.
    const own = await db.membership.findFirstOrThrow({ where: { userId: alice.id, role: "OWNER" } });
    await createTestDoc(alice, own.workspaceId, { sections: { "design-overview": "Mine." } });
    expect(await getHomeWorkspaceSlug(alice)).not.toBe(workspace.slug);
    await requestReview(author, doc.id, { reviewerIds: [alice.id], dueAt: "2026-12-01" });
    expect(await getHomeWorkspaceSlug(alice)).toBe(workspace.slug);
    expect(await listWaitingForMyReview(alice)).toEqual([
      expect.objectContaining({ title: "Payments service v2", workspaceId: workspace.id, overdue: true }),
    ]);
    expect(await listMyDocsInReview(author)).toEqual([expect.objectContaining({ overdue: true })]);
    // Removed from the team, the review no longer lists (they cannot open the doc).
    await db.membership.deleteMany({ where: { workspaceId: workspace.id, userId: alice.id } });
    expect(await listWaitingForMyReview(alice)).toEqual([]);
  });

  it("a due date still ahead is not overdue; a decided review is not overdue for the author", async () => {
    const { author, alice, doc } = await setup();
    const ahead = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await requestReview(author, doc.id, { reviewerIds: [alice.id], dueAt: ahead });
    expect(await listWaitingForMyReview(alice)).toEqual([expect.objectContaining({ overdue: false })]);
    await db.reviewRequest.updateMany({ where: { documentId: doc.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    expect(await listMyDocsInReview(author)).toEqual([expect.objectContaining({ overdue: true })]);
    await verdict(alice, doc.id, "REQUEST_CHANGES", "Not yet");
    expect(await listMyDocsInReview(author)).toEqual([expect.objectContaining({ overdue: false })]);
  });
});

describe("stale stamps", () => {
  it("a stale approval stays in the footer stamps and the export, naming the section that changed", async () => {
    const { author, alice, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [alice.id] });
    const approved = await verdict(alice, doc.id, "APPROVE");
    await edit(author, doc.id, "security-considerations", "Tokens are hashed with SHA-256.");
    const stamps = await getReviewedByStamps(doc.id);
    expect(stamps).toEqual([
      expect.objectContaining({
        revision: approved.revision,
        stale: expect.objectContaining({ section: "Security Considerations" }),
      }),
    ]);
    const { markdown } = await exportDocMarkdown(author, doc.id);
    expect(markdown).toContain(
      `**Reviewed By:** Alice Reviewer — approved revision ${approved.revision}, ` +
        "stale since Security Considerations changed",
    );
    const state = await getSignOffState(author, doc.id);
    expect(state.stamps[0]?.stale?.section).toBe("Security Considerations");
    expect((await getSignOffRecord(author, doc.id)).approvals[0]).toMatchObject({ current: false });
  });
});

describe("inbox", () => {
  it("marks one's own notifications read, never someone else's", async () => {
    const { author, alice, bob, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [alice.id, bob.id] });
    const [aliceNote] = await listNotifications(alice);
    expect(await markNotificationsRead(bob, [aliceNote!.id])).toBe(0);
    expect(await countUnreadNotifications(alice)).toBe(1);
    expect(await markNotificationsRead(alice, [aliceNote!.id])).toBe(1);
    expect(await countUnreadNotifications(alice)).toBe(0);
    expect(await markNotificationsRead(bob)).toBe(1);
  });
});
