import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { ShareLinkCaller } from "@/lib/docs/access";
import { saveSection } from "@/lib/docs/save-section";
import { requestReview } from "@/lib/reviews/request-review";
import { getSignOffState } from "@/lib/reviews/queries";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { createShareLink } from "@/lib/sharing/share-links";
import { createMember, createUser } from "@/prisma/factories";
import { commentBody, createTestThread } from "@/prisma/factories-comments";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { deleteComment, editComment, replyToThread } from "./comment-mutations";
import { createThread } from "./create-thread";
import { listMentionCandidates, listThreads } from "./queries";
import { setThreadState } from "./thread-state";

const OVERVIEW = "We cache every section for one minute. Tokens are rotated daily.";

async function setup() {
  const author = await createUser({ name: "Ada Author" });
  const reviewer = await createMember(author.workspace.id, "MEMBER", "Rita Reviewer");
  const viewer = await createMember(author.workspace.id, "VIEWER", "Vic Viewer");
  const stranger = await createUser({ name: "Stan Stranger" });
  const doc = await createTestDoc(author.actor, author.workspace.id, { sections: { "design-overview": OVERVIEW } });
  return { author: author.actor, reviewer: reviewer.actor, viewer: viewer.actor, stranger: stranger.actor, doc };
}

const sectionOf = (docId: string, key = "design-overview") =>
  db.section.findFirstOrThrow({
    where: { documentId: docId, key },
    select: { content: true, html: true, version: true, updatedById: true, text: true },
  });
const docRow = (docId: string) =>
  db.document.findUniqueOrThrow({ where: { id: docId }, select: { revision: true, status: true, updatedById: true } });
const threadOf = (id: string) => db.commentThread.findUniqueOrThrow({ where: { id } });
const fail = (p: Promise<unknown>) =>
  p.then(
    () => Promise.reject(new Error("expected a refusal")),
    (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }),
  );
const revisionOf = async (docId: string) => (await docRow(docId)).revision;
const approve = async (actor: Actor, docId: string) =>
  submitVerdict(actor, docId, { kind: "APPROVE", revision: await revisionOf(docId) });
/** Save the overview as the editor would: every text node of `texts`, with the given marks. */
const save = async (actor: Actor, docId: string, content: JSONContent) =>
  saveSection(actor, docId, "design-overview", { baseVersion: (await sectionOf(docId)).version, content });
const commentMark = (threadId: string) => ({ type: "comment", attrs: { threadId } });

describe("thread lifecycle", () => {
  it("starts, replies, edits and deletes own comments, resolves and reopens with who and when", async () => {
    const { author, reviewer, doc } = await setup();
    const { threadId, commentId } = await createTestThread(reviewer, doc.id, { text: "Why one minute?" });
    const { commentId: replyId } = await replyToThread(author, doc.id, threadId, {
      body: commentBody("It matches the CDN."),
    });
    await editComment(author, doc.id, replyId, { body: commentBody("It matches the CDN TTL.") });
    await deleteComment(reviewer, doc.id, commentId);

    const resolved = await setThreadState(author, doc.id, threadId, { resolved: true });
    expect(resolved).toMatchObject({ resolved: true, blocking: false });
    let [thread] = (await listThreads(author, doc.id)).threads;
    expect(thread).toMatchObject({
      sectionKey: "design-overview",
      anchor: "SECTION",
      resolvedBy: { id: author.id, name: "Ada Author" },
      mine: true,
    });
    expect(Date.parse(thread!.resolvedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(thread!.comments.map((c) => [c.author.name, c.deleted, c.html])).toEqual([
      ["Rita Reviewer", true, null],
      ["Ada Author", false, "<p>It matches the CDN TTL.</p>"],
    ]);
    expect(thread!.comments[1]).toMatchObject({
      editedAt: expect.any(String),
      mine: true,
      body: commentBody("It matches the CDN TTL."),
    });

    await setThreadState(reviewer, doc.id, threadId, { resolved: false });
    [thread] = (await listThreads(reviewer, doc.id)).threads;
    expect(thread).toMatchObject({
      resolvedAt: null,
      resolvedBy: null,
      reopenedBy: { id: reviewer.id, name: "Rita Reviewer" },
    });
    // The author's own body JSON is only sent to them.
    expect(thread!.comments[1]!.body).toBeNull();

    const types = (
      await db.auditEvent.findMany({
        where: { documentId: doc.id, type: { startsWith: "comment." } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    ).map((e) => e.type);
    expect(types).toEqual([
      "comment.created",
      "comment.replied",
      "comment.deleted",
      "comment.resolved",
      "comment.reopened",
    ]);
  });

  it("refuses what a caller may not do: someone else's comment 403, unknown ids 404, strangers 404", async () => {
    const { author, reviewer, viewer, stranger, doc } = await setup();
    const { threadId, commentId } = await createTestThread(reviewer, doc.id);
    expect(await fail(editComment(author, doc.id, commentId, { body: commentBody("Mine now") }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await fail(deleteComment(author, doc.id, commentId))).toMatchObject({
      code: "FORBIDDEN",
      message: "You can only change your own comments.",
    });
    expect(await fail(replyToThread(author, doc.id, "no-such-thread", { body: commentBody("Hi") }))).toMatchObject({
      code: "NOT_FOUND",
      message: "This comment thread does not exist.",
    });
    expect(await fail(setThreadState(author, doc.id, "no-such-thread", { resolved: true }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await fail(editComment(reviewer, doc.id, "no-such-comment", { body: commentBody("x") }))).toMatchObject({
      code: "NOT_FOUND",
    });
    // A thread of another doc is not a thread of this one.
    const other = await createTestDoc(
      author,
      (await db.document.findUniqueOrThrow({ where: { id: doc.id } })).workspaceId,
      { sections: { "design-overview": "Other" } },
    );
    expect(await fail(replyToThread(author, other.id, threadId, { body: commentBody("Hi") }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await fail(listThreads(stranger, doc.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await fail(createTestThread(stranger, doc.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await fail(createTestThread(reviewer, doc.id, { sectionKey: "no-such-section" }))).toMatchObject({
      code: "NOT_FOUND",
    });
    // Viewers comment and resolve; marking blocking needs the review permission.
    await expect(createTestThread(viewer, doc.id)).resolves.toMatchObject({ threadId: expect.any(String) });
    expect(await fail(setThreadState(viewer, doc.id, threadId, { blocking: true }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await fail(createTestThread(viewer, doc.id, { blocking: true }))).toMatchObject({ code: "FORBIDDEN" });
    await expect(setThreadState(viewer, doc.id, threadId, { resolved: true })).resolves.toMatchObject({
      resolved: true,
    });
    // A deleted comment stays deleted.
    await deleteComment(reviewer, doc.id, commentId);
    expect(await fail(editComment(reviewer, doc.id, commentId, { body: commentBody("Back") }))).toMatchObject({
      code: "CONFLICT",
    });
  });

  it("validates bodies on the server: rich-text subset only, 10 KB at most, not empty", async () => {
    const { reviewer, doc } = await setup();
    const create = (body: unknown) => fail(createThread(reviewer, doc.id, { sectionKey: "design-overview", body }));
    expect(await create(commentBody("x".repeat(11 * 1024)))).toMatchObject({
      code: "INVALID_INPUT",
      message: "Comment: Content is larger than the 10 KB limit",
    });
    expect(
      await create({
        type: "doc",
        content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Big" }] }],
      }),
    ).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/heading/) });
    const evil = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
        },
      ],
    };
    expect(await create(evil)).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/not an allowed link/),
    });
    expect(await create({ type: "doc", content: [{ type: "paragraph" }] })).toMatchObject({
      code: "INVALID_INPUT",
      message: "Write something before sending.",
    });
    expect(await create("<b>html</b>")).toMatchObject({ code: "INVALID_INPUT" });
    expect(
      await fail(
        createThread(reviewer, doc.id, {
          sectionKey: "design-overview",
          body: commentBody("x"),
          anchor: { offset: -1, quote: "We" },
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.commentThread.count({ where: { documentId: doc.id } })).toBe(0);
  });
});

describe("text anchors", () => {
  it("marks the selected words as an annotation version: no revision, stamp or stale approval", async () => {
    const { author, reviewer, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [reviewer.id] });
    await approve(reviewer, doc.id);
    const before = await sectionOf(doc.id);
    const revision = await revisionOf(doc.id);
    const offset = OVERVIEW.indexOf("one minute");
    const { threadId } = await createTestThread(reviewer, doc.id, { quote: "one minute", offset });

    const after = await sectionOf(doc.id);
    // A version of its own (history has every stored content), but not an edit.
    expect(after).toMatchObject({ version: before.version + 1, updatedById: author.id, text: before.text });
    const last = await db.sectionVersion.findFirstOrThrow({ where: { documentId: doc.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({ kind: "ANNOTATION", version: before.version + 1, authorId: reviewer.id });
    expect(after.content).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "We cache every section for " },
            { type: "text", text: "one minute", marks: [commentMark(threadId)] },
            { type: "text", text: ". Tokens are rotated daily." },
          ],
        },
      ],
    });
    expect(after.html).toContain(`<span data-comment-thread="${threadId}" class="comment-anchor">one minute</span>`);
    expect(await docRow(doc.id)).toMatchObject({ revision, status: "APPROVED" });
    expect(await db.verdict.count({ where: { documentId: doc.id, staleAt: { not: null } } })).toBe(0);
    expect(await threadOf(threadId)).toMatchObject({ anchor: "TEXT", quote: "one minute" });
  });

  it("refuses a selection whose words are no longer there (409) and changes nothing", async () => {
    const { reviewer, doc } = await setup();
    expect(await fail(createTestThread(reviewer, doc.id, { quote: "two minutes", offset: 3 }))).toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.commentThread.count({ where: { documentId: doc.id } })).toBe(0);
    // The words moved but are still there once: the anchor finds them.
    const { threadId } = await createTestThread(reviewer, doc.id, { quote: "rotated daily", offset: 0 });
    expect((await sectionOf(doc.id)).html).toContain(
      `<span data-comment-thread="${threadId}" class="comment-anchor">rotated daily</span>.</p>`,
    );
  });

  // Also survives a save from an editor opened before the comment was made.
  it("anchors follow their words, survive saves from older editors, fall back to the section if deleted", async () => {
    const { author, reviewer, doc } = await setup();
    const { threadId } = await createTestThread(reviewer, doc.id, {
      quote: "one minute",
      offset: OVERVIEW.indexOf("one minute"),
    });

    // Edited inside the mark (the editor keeps the mark on the words): the quote follows.
    await save(author, doc.id, {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "We cache every section for " },
            { type: "text", text: "five minutes", marks: [commentMark(threadId)] },
            { type: "text", text: ". Tokens are rotated daily." },
          ],
        },
      ],
    });
    expect(await threadOf(threadId)).toMatchObject({ anchor: "TEXT", quote: "five minutes" });
    // The thread keeps the words it was written on and says what they read now (issue 16).
    const [edited] = (await listThreads(reviewer, doc.id)).threads;
    expect(edited).toMatchObject({ id: threadId, originalQuote: "one minute", quote: "five minutes" });

    // A save without the mark whose words are all still there: the mark is put back on them.
    await save(author, doc.id, paragraph("Intro. We cache every section for five minutes. Tokens are rotated daily."));
    expect(await threadOf(threadId)).toMatchObject({ anchor: "TEXT", quote: "five minutes" });
    const stored = await sectionOf(doc.id);
    expect(stored.html).toContain(`<span data-comment-thread="${threadId}" class="comment-anchor">five minutes</span>`);

    // The words are deleted: the thread falls back to the section, marked removed, and is still listed.
    await save(author, doc.id, paragraph("Intro. We do not cache. Tokens are rotated daily."));
    expect(await threadOf(threadId)).toMatchObject({
      anchor: "REMOVED",
      quote: "five minutes",
      sectionKey: "design-overview",
    });
    const [listed] = (await listThreads(reviewer, doc.id)).threads;
    expect(listed).toMatchObject({
      id: threadId,
      anchor: "REMOVED",
      quote: "five minutes",
      originalQuote: "one minute",
    });
    expect(listed!.comments).toHaveLength(1);
  });

  it("does not move a thread to another copy of its words when its own copy is deleted", async () => {
    const { author, reviewer, doc } = await setup();
    await save(author, doc.id, paragraph("Retry twice. Then retry twice."));
    const { threadId } = await createTestThread(reviewer, doc.id, {
      quote: "retry twice",
      offset: "Retry twice. Then ".length,
    });
    await save(author, doc.id, paragraph("Retry twice. Then give up."));
    expect(await threadOf(threadId)).toMatchObject({ anchor: "REMOVED" });
  });
});

describe("blocking threads", () => {
  it("keep the doc from Approved while open, and the panel data says which", async () => {
    const { author, reviewer, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [reviewer.id] });
    const { threadId } = await createTestThread(reviewer, doc.id, { text: "Rotation must be hourly.", blocking: true });
    expect(await threadOf(threadId)).toMatchObject({ blocking: true, blockingById: reviewer.id });
    await approve(reviewer, doc.id);
    expect((await docRow(doc.id)).status).toBe("IN_REVIEW");
    expect((await getSignOffState(author, doc.id)).approvalsCurrent).toBe(1);
    const open = (await listThreads(author, doc.id)).threads.filter((t) => t.blocking && !t.resolvedAt);
    expect(open.map((t) => t.id)).toEqual([threadId]);

    // Resolving the last blocking thread lets the approvals count.
    await expect(setThreadState(author, doc.id, threadId, { resolved: true })).resolves.toMatchObject({
      status: "APPROVED",
    });
    expect((await docRow(doc.id)).status).toBe("APPROVED");
    // Reopening it takes Approved back; unmarking it gives it back again.
    await expect(setThreadState(reviewer, doc.id, threadId, { resolved: false })).resolves.toMatchObject({
      status: "IN_REVIEW",
    });
    await expect(setThreadState(reviewer, doc.id, threadId, { blocking: false })).resolves.toMatchObject({
      status: "APPROVED",
      blocking: false,
    });
    // Marking an open thread blocking on an approved doc holds it back too.
    await expect(setThreadState(reviewer, doc.id, threadId, { blocking: true })).resolves.toMatchObject({
      status: "IN_REVIEW",
    });
    const statuses = await db.auditEvent.findMany({
      where: { documentId: doc.id, type: "status.changed" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { data: true },
    });
    expect(statuses.map((e) => (e.data as { to: string }).to)).toEqual([
      "IN_REVIEW",
      "APPROVED",
      "IN_REVIEW",
      "APPROVED",
      "IN_REVIEW",
    ]);
  });

  it("a resolved blocking thread and a non-blocking open thread do not hold back approval", async () => {
    const { author, reviewer, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [reviewer.id] });
    const { threadId } = await createTestThread(reviewer, doc.id, { blocking: true });
    await setThreadState(author, doc.id, threadId, { resolved: true });
    await createTestThread(reviewer, doc.id, { text: "Nit: wording" });
    await approve(reviewer, doc.id);
    expect((await docRow(doc.id)).status).toBe("APPROVED");
  });
});

describe("guests through share links", () => {
  async function guestSetup() {
    const s = await setup();
    const commentLink = await createShareLink(s.author, s.doc.id, { role: "comment" }, "http://localhost:3000");
    const viewLink = await createShareLink(s.author, s.doc.id, { role: "view" }, "http://localhost:3000");
    const guest: ShareLinkCaller = { kind: "link", linkId: commentLink.link.id };
    const reader: ShareLinkCaller = { kind: "link", linkId: viewLink.link.id };
    return { ...s, guest, reader };
  }

  it("comment under the name they type, shown as a guest; see no emails", async () => {
    const { author, reviewer, guest, doc } = await guestSetup();
    const { threadId } = await createTestThread(guest, doc.id, {
      text: "Is there a rollback plan?",
      guestName: "  Gita from Legal  ",
      quote: "rotated daily",
      offset: OVERVIEW.indexOf("rotated daily"),
    });
    await replyToThread(reviewer, doc.id, threadId, {
      body: commentBody("Yes, see Risks.", [{ id: author.id, name: "whoever" }]),
    });
    await replyToThread(guest, doc.id, threadId, { body: commentBody("Thanks!"), guestName: "Gita from Legal" });

    const forGuest = await listThreads(guest, doc.id);
    expect(forGuest.me).toEqual({
      canComment: true,
      canResolve: false,
      canMarkBlocking: false,
      canMention: false,
      guest: true,
    });
    const [thread] = forGuest.threads;
    expect(thread!.anchor).toBe("TEXT");
    expect(thread!.comments.map((c) => c.author)).toEqual([
      { id: null, name: "Gita from Legal", guest: true },
      { id: reviewer.id, name: "Rita Reviewer", guest: false },
      { id: null, name: "Gita from Legal", guest: true },
    ]);
    // The mention label is rewritten to the person's name; no email anywhere.
    expect(thread!.comments[1]!.html).toContain('data-label="Ada Author"');
    const json = JSON.stringify(forGuest);
    for (const email of [author.email, reviewer.email]) expect(json).not.toContain(email);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { documentId: doc.id, type: "comment.created" } });
    expect(audit).toMatchObject({ actorId: null, data: expect.objectContaining({ guest: "Gita from Legal" }) });
  });

  it("cannot resolve, mention, mark blocking, edit, or comment without a name; view links cannot comment", async () => {
    const { author, reviewer, guest, reader, doc } = await guestSetup();
    const { threadId, commentId } = await createTestThread(reviewer, doc.id);
    expect(await fail(setThreadState(guest, doc.id, threadId, { resolved: true }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await fail(createTestThread(guest, doc.id, { blocking: true, guestName: "Gus" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    const mention = {
      sectionKey: "design-overview",
      body: commentBody("Hey", [{ id: author.id, name: "Ada" }]),
      guestName: "Gus",
    };
    expect(await fail(createThread(guest, doc.id, mention))).toMatchObject({
      code: "FORBIDDEN",
      message: "Guests cannot mention people.",
    });
    expect(await fail(replyToThread(guest, doc.id, threadId, { body: commentBody("x") }))).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/name/),
    });
    expect(
      await fail(replyToThread(guest, doc.id, threadId, { body: commentBody("x"), guestName: "x".repeat(81) })),
    ).toMatchObject({ code: "INVALID_INPUT", message: "Names are at most 80 characters" });
    expect(await fail(deleteComment(guest as never, doc.id, commentId))).toMatchObject({ code: "FORBIDDEN" });
    expect(await fail(createTestThread(reader, doc.id, { guestName: "Rex" }))).toMatchObject({ code: "FORBIDDEN" });
    await expect(listThreads(reader, doc.id)).resolves.toMatchObject({ me: { canComment: false } });
    // A revoked link is no caller at all.
    await db.shareLink.update({ where: { id: guest.linkId }, data: { revokedAt: new Date() } });
    expect(await fail(createTestThread(guest, doc.id, { guestName: "Gus" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("are rate limited per link and address", async () => {
    const { guest, doc } = await guestSetup();
    const post = () =>
      createThread(
        guest,
        doc.id,
        { sectionKey: "design-overview", body: commentBody("Spam?"), guestName: "Gus" },
        { ip: "198.51.100.9" },
      );
    for (let i = 0; i < 20; i++) await post();
    expect(await fail(post())).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many comments from this link\. Try again in \d+ minutes?\.$/),
    });
    // Another address on the same link is not blocked by the first one's count.
    await expect(
      createThread(
        guest,
        doc.id,
        { sectionKey: "design-overview", body: commentBody("Hello"), guestName: "Gia" },
        { ip: "198.51.100.10" },
      ),
    ).resolves.toBeTruthy();
  });
});

describe("mention candidates", () => {
  it("are the people who can read the doc, by name, without emails", async () => {
    const { author, reviewer, viewer, doc } = await setup();
    const found = await listMentionCandidates(reviewer, doc.id, "");
    expect(found.map((p) => p.name).sort()).toEqual(["Ada Author", "Vic Viewer"]);
    expect(Object.keys(found[0]!).sort()).toEqual(["id", "name"]);
    expect((await listMentionCandidates(author, doc.id, "vi")).map((p) => p.id)).toEqual([viewer.id]);
  });
});
