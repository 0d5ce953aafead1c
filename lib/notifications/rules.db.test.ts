import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { setThreadState } from "@/lib/comments/thread-state";
import { createThread } from "@/lib/comments/create-thread";
import { db } from "@/lib/db";
import { saveSection } from "@/lib/docs/save-section";
import { listWaitingForMyReview } from "@/lib/reviews/dashboards";
import { getSignOffState } from "@/lib/reviews/queries";
import { sendDueReminders } from "@/lib/reviews/reminders";
import { requestReview } from "@/lib/reviews/request-review";
import { reRequestReview } from "@/lib/reviews/rerequest-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { decodeMail, withTestSmtpServer } from "@/lib/testing/smtp";
import { commentBody } from "@/prisma/factories-comments";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { sendDailyDigests, setEmailDigest } from "./digest";
import { listNotifications } from "./queries";

const { received, waitForMail } = withTestSmtpServer();

const revisionOf = async (docId: string) =>
  (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { revision: true } })).revision;
const verdict = async (actor: Actor, docId: string, kind: "APPROVE" | "REQUEST_CHANGES", body?: string) =>
  submitVerdict(actor, docId, { kind, body, revision: await revisionOf(docId) });
async function edit(actor: Actor, docId: string, key: string, text: string) {
  const { version } = await db.section.findFirstOrThrow({
    where: { documentId: docId, key },
    select: { version: true },
  });
  return saveSection(actor, docId, key, { baseVersion: version, content: paragraph(text) });
}
const texts = async (actor: Actor) => (await listNotifications(actor)).map((n) => n.text);
const mailsTo = (email: string) => received.filter((m) => m.to.includes(email)).map((m) => decodeMail(m.raw));

async function setup() {
  const author = await createUser({ name: "Ada Author" });
  const raj = await createMember(author.workspace.id, "MEMBER", "Raj Reviewer");
  const bea = await createMember(author.workspace.id, "MEMBER", "Bea Reviewer");
  const doc = await createTestDoc(author.actor, author.workspace.id, {
    title: "Ledger",
    sections: { "design-overview": "Double entry.", "security-considerations": "Hashes." },
  });
  return { author: author.actor, raj: raj.actor, bea: bea.actor, doc };
}

describe("notification rules", () => {
  it("the approval that completes sign-off: no self-notification, one notification for the author", async () => {
    const { author, raj, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [raj.id] });
    const before = received.length;
    await verdict(raj, doc.id, "APPROVE");
    expect(await texts(raj)).toEqual(["Ada Author asked you to review “Ledger”"]);
    expect(await texts(author)).toEqual(["Raj Reviewer approved “Ledger”: sign-off is complete"]);
    await waitForMail(before + 2);
    expect(mailsTo(author.email).map((m) => m.subject)).toEqual([
      'Raj Reviewer approved "Ledger": sign-off is complete',
    ]);
  });

  it("other reviewers still hear that the doc is approved; the approver does not", async () => {
    const { author, raj, bea, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [raj.id, bea.id] });
    await verdict(raj, doc.id, "APPROVE");
    await verdict(bea, doc.id, "APPROVE");
    expect(await texts(raj)).toEqual(["“Ledger” is approved", "Ada Author asked you to review “Ledger”"]);
    expect(await texts(bea)).toEqual(["Ada Author asked you to review “Ledger”"]);
    expect(await texts(author)).toEqual([
      "Bea Reviewer approved “Ledger”: sign-off is complete",
      "Raj Reviewer approved “Ledger”",
    ]);
  });

  it("resolving a blocking thread tells whoever raised it, not the resolver", async () => {
    const { author, raj, doc } = await setup();
    const { threadId } = await createThread(raj, doc.id, {
      sectionKey: "design-overview",
      body: commentBody("What about refunds?"),
      blocking: true,
    });
    await setThreadState(author, doc.id, threadId, { resolved: true });
    expect(await texts(raj)).toEqual(["Ada Author resolved your thread in “Ledger”"]);
    expect((await texts(author)).filter((t) => t.includes("resolved"))).toEqual([]);
    // A non-blocking thread's resolution is not news worth a notification.
    const plain = await createThread(raj, doc.id, { sectionKey: "design-overview", body: commentBody("Typo") });
    await setThreadState(author, doc.id, plain.threadId, { resolved: true });
    expect((await texts(raj)).filter((t) => t.includes("resolved"))).toHaveLength(1);
  });
});

describe("daily digest", () => {
  it("a person on the daily digest gets no email at once, then one email with the day's notifications", async () => {
    const { author, raj, bea, doc } = await setup();
    await setEmailDigest(raj, "DAILY");
    await expect(setEmailDigest(raj, "HOURLY")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await requestReview(author, doc.id, { reviewerIds: [raj.id, bea.id], message: "Refunds first" });
    await waitForMail(received.length); // Bea's immediate mail may be in flight
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(raj.email)).toEqual([]);
    expect(await texts(raj)).toEqual(["Ada Author asked you to review “Ledger”"]); // the inbox has it at once
    const other = await createTestDoc(
      author,
      (await db.document.findUniqueOrThrow({ where: { id: doc.id } })).workspaceId,
      {
        title: "Payouts",
        sections: { "design-overview": "Weekly." },
      },
    );
    await requestReview(author, other.id, { reviewerIds: [raj.id] });
    const n = received.length;
    expect(await sendDailyDigests()).toBeGreaterThanOrEqual(1);
    await waitForMail(n + 1);
    const [digest] = mailsTo(raj.email);
    expect(digest?.subject).toBe("Design Review: 2 updates since yesterday");
    expect(digest?.body).toContain("Ada Author asked you to review “Ledger”");
    expect(digest?.body).toContain("Ada Author asked you to review “Payouts”");
    // Once a day: a second run sends nothing more, even with a new notification.
    await verdict(bea, doc.id, "REQUEST_CHANGES", "No");
    await edit(author, doc.id, "design-overview", "Double entry, in cents.");
    await sendDailyDigests();
    expect(mailsTo(raj.email)).toHaveLength(1);
    // A day later the owed ones go out.
    await sendDailyDigests(new Date(Date.now() + 25 * 3_600_000));
    expect(await db.notification.count({ where: { userId: raj.id, emailedAt: null } })).toBe(0);
  });
});

describe("due-date reminders", () => {
  it("the day before and once overdue, each once, only to reviewers who still owe a decision", async () => {
    const { author, raj, bea, doc } = await setup();
    const tomorrow = new Date(Date.now() + 20 * 3_600_000).toISOString();
    await requestReview(author, doc.id, { reviewerIds: [raj.id, bea.id], dueAt: tomorrow });
    await verdict(bea, doc.id, "REQUEST_CHANGES", "Not yet");
    expect((await sendDueReminders()).dueSoon).toBeGreaterThanOrEqual(1);
    expect(await sendDueReminders()).toMatchObject({ dueSoon: 0 });
    expect((await texts(raj)).filter((t) => t.includes("due tomorrow"))).toEqual([
      "Your review of “Ledger” is due tomorrow",
    ]);
    expect((await texts(bea)).filter((t) => t.includes("due"))).toEqual([]);
    const later = new Date(Date.now() + 2 * 86_400_000);
    await sendDueReminders(later);
    await sendDueReminders(later);
    expect((await texts(raj)).filter((t) => t.includes("overdue"))).toEqual(["Your review of “Ledger” is overdue"]);
    expect((await texts(bea)).filter((t) => t.includes("overdue"))).toEqual([]);
  });
});

describe("re-request review", () => {
  it("asks the reviewer who requested changes again, with what changed since their verdict", async () => {
    const { author, raj, bea, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [raj.id, bea.id] });
    await verdict(raj, doc.id, "REQUEST_CHANGES", "Refunds?");
    // Nothing changed since: nothing to re-request.
    await expect(reRequestReview(author, doc.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getSignOffState(author, doc.id)).me.canRerequest).toBe(false);
    await edit(author, doc.id, "security-considerations", "Hashes, and refunds are signed.");
    expect((await getSignOffState(author, doc.id)).me.canRerequest).toBe(true);
    expect(await listWaitingForMyReview(raj)).toEqual([]);
    const { workspaceId } = await db.document.findUniqueOrThrow({ where: { id: doc.id } });
    const viewer = await createMember(workspaceId, "VIEWER", "Vic Viewer");
    await expect(reRequestReview(viewer.actor, doc.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await reRequestReview(author, doc.id)).toEqual({ reRequested: 1 });
    expect((await texts(raj))[0]).toBe(
      "Ada Author asked you to review “Ledger” again: changed Security Considerations",
    );
    expect((await texts(bea)).some((t) => t.includes("again"))).toBe(false);
    expect(await listWaitingForMyReview(raj)).toEqual([expect.objectContaining({ rerequested: true })]);
    const state = await getSignOffState(raj, doc.id);
    expect(state.me.changesSince).toEqual([
      expect.objectContaining({
        title: "Security Considerations",
        before: "Hashes.",
        after: "Hashes, and refunds are signed.",
      }),
    ]);
    expect(state.reviewers.find((r) => r.reviewer.id === raj.id)?.rerequestedAt).toEqual(expect.any(String));
    expect((await getSignOffState(author, doc.id)).me.canRerequest).toBe(false);
    const stranger = await createUser();
    await expect(reRequestReview(stranger.actor, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
