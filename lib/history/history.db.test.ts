import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { restoreSections } from "@/lib/docs/content";
import { saveSection } from "@/lib/docs/save-section";
import { requestReview } from "@/lib/reviews/request-review";
import { getSignOffRecord } from "@/lib/reviews/signoff-record";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { shareDocWith } from "@/prisma/factories-sharing";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { diffHistory } from "./diff-history";
import { getPoint } from "./get-point";
import { listHistory } from "./list-history";
import { nameCurrentVersion } from "./named-versions";
import { parseRestoreInput } from "./restore-input";

async function edit(actor: Actor, docId: string, key: string, text: string) {
  const { version } = await db.section.findFirstOrThrow({
    where: { documentId: docId, key },
    select: { version: true },
  });
  return saveSection(actor, docId, key, { baseVersion: version, content: paragraph(text) });
}
/** A restore as the API and the actions make it: a point as text and `{ sections? }`. */
async function restoreFromHistory(actor: Actor, docId: string, seq: string, raw: unknown) {
  const { point, scope } = parseRestoreInput(seq, raw);
  return restoreSections(actor, docId, point, scope);
}
const headOf = async (docId: string) =>
  Number((await db.document.findUniqueOrThrow({ where: { id: docId }, select: { headSeq: true } })).headSeq);
const revisionOf = async (docId: string) =>
  (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { revision: true } })).revision;
const approve = async (actor: Actor, docId: string) =>
  submitVerdict(actor, docId, { kind: "APPROVE", revision: await revisionOf(docId) });

async function setup() {
  const author = await createUser({ name: "Ada Author" });
  const eve = await createMember(author.workspace.id, "MEMBER", "Eve Editor");
  const rita = await createMember(author.workspace.id, "MEMBER", "Rita Reviewer");
  const doc = await createTestDoc(author.actor, author.workspace.id, {
    sections: { "design-overview": "We cache per page.", "testing-strategy": "Unit tests." },
  });
  return { author: author.actor, eve: eve.actor, rita: rita.actor, workspace: author.workspace, doc };
}

describe("history entries", () => {
  it("groups a session of saves into one entry listing every person who edited, newest first", async () => {
    const { author, eve, doc } = await setup();
    await edit(author, doc.id, "design-overview", "We cache per section.");
    await edit(eve, doc.id, "testing-strategy", "Unit and e2e tests.");
    await edit(author, doc.id, "design-overview", "We cache per section, in memory.");
    const page = await listHistory(author, { id: doc.id });
    const [latest] = page.entries;
    expect(latest).toMatchObject({ type: "burst" });
    if (latest?.type !== "burst") return;
    expect(latest.authors.map((a) => a.name)).toEqual(expect.arrayContaining(["Ada Author", "Eve Editor"]));
    expect(latest.sections.map((s) => s.key)).toEqual(expect.arrayContaining(["design-overview", "testing-strategy"]));
    expect(page.headSeq).toBe(await headOf(doc.id));
  });

  it("shows review events between bursts and one-click 'since approved by' points", async () => {
    const { author, rita, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [rita.id] });
    const approvedAt = await headOf(doc.id);
    await approve(rita, doc.id);
    await edit(author, doc.id, "design-overview", "We cache per section.");
    const page = await listHistory(author, { id: doc.id });
    const kinds = page.entries.map((e) => (e.type === "burst" ? "burst" : e.kind));
    expect(kinds.slice(0, 3)).toEqual(["burst", "approved", "review_requested"]);
    expect(page.approvals).toEqual([
      expect.objectContaining({ reviewer: { id: rita.id, name: "Rita Reviewer" }, seq: approvedAt }),
    ]);
  });

  it("pages back with `before` without losing or repeating a version", async () => {
    const { author, eve, doc } = await setup();
    for (let i = 0; i < 6; i++) await edit(i % 2 ? eve : author, doc.id, "design-overview", `Text ${i}`);
    const first = await listHistory(author, { id: doc.id }, { limit: 3 });
    expect(first.next).not.toBeNull();
    const second = await listHistory(author, { id: doc.id }, { before: String(first.next), limit: 3 });
    const seqs = [...first.entries, ...second.entries].flatMap((e) => (e.type === "burst" ? [e.fromSeq, e.toSeq] : []));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});

describe("a doc as of a point", () => {
  it("shows the text and the footer stamps as they were then", async () => {
    const { author, rita, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [rita.id] });
    await approve(rita, doc.id);
    const approved = await headOf(doc.id);
    await edit(author, doc.id, "design-overview", "We cache per section.");

    const then = await getPoint(author, { slug: doc.slug }, String(approved));
    expect(then.sections.find((s) => s.key === "design-overview")?.html).toBe("<p>We cache per page.</p>");
    expect(then.reviewedBy.map((s) => s.reviewer.name)).toEqual(["Rita Reviewer"]);
    expect(then.lastUpdated?.by?.name).toBe("Ada Author");

    const now = await getPoint(author, { slug: doc.slug }, String(await headOf(doc.id)));
    expect(now.sections.find((s) => s.key === "design-overview")?.html).toBe("<p>We cache per section.</p>");
    expect(now.reviewedBy).toEqual([]);
  });

  it("is a 404 for a point before the doc existed or not a number", async () => {
    const { author, doc } = await setup();
    await expect(getPoint(author, { id: doc.id }, "0")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPoint(author, { id: doc.id }, "abc")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("comparing two points", () => {
  it("diffs the changed section word by word and folds the unchanged ones", async () => {
    const { author, doc } = await setup();
    const from = await headOf(doc.id);
    await edit(author, doc.id, "design-overview", "We cache per section.");
    const diff = await diffHistory(author, { id: doc.id }, { from: { seq: String(from) } });
    const changed = diff.sections.filter((s) => s.status !== "unchanged");
    expect(changed.map((s) => s.key)).toEqual(["design-overview"]);
    expect(changed[0]!.blocks).toEqual([
      {
        op: "changed",
        before: expect.anything(),
        after: expect.anything(),
        formatOnly: false,
        parts: [
          { kind: "same", text: "We cache per " },
          { kind: "removed", text: "page." },
          { kind: "added", text: "section." },
        ],
      },
    ]);
    expect(diff.sections.filter((s) => s.status === "unchanged").length).toBeGreaterThan(5);
  });

  it("compares from a moment ('since my last visit')", async () => {
    const { author, doc } = await setup();
    await new Promise((r) => setTimeout(r, 5));
    const visit = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await edit(author, doc.id, "testing-strategy", "Unit and e2e tests.");
    const diff = await diffHistory(author, { id: doc.id }, { from: { at: visit } });
    expect(diff.sections.filter((s) => s.status !== "unchanged").map((s) => s.key)).toEqual(["testing-strategy"]);
    await expect(diffHistory(author, { id: doc.id }, { from: { at: "yesterday" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

describe("restore", () => {
  it("brings a section's approved text back as a new version, and the approval counts again", async () => {
    const { author, rita, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [rita.id] });
    await approve(rita, doc.id);
    const approved = await headOf(doc.id);
    await edit(author, doc.id, "design-overview", "We cache per section.");
    const result = await restoreFromHistory(author, doc.id, String(approved), { sections: ["design-overview"] });
    expect(result.restored).toEqual(["design-overview"]);
    const section = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "design-overview" } });
    expect(section.text).toBe("We cache per page.");
    // A new version, never a rewrite of the past.
    const kinds = await db.sectionVersion.findMany({
      where: { documentId: doc.id, sectionKey: "design-overview" },
      orderBy: { seq: "asc" },
      select: { kind: true, restoredFromSeq: true },
    });
    expect(kinds.at(-1)).toEqual({ kind: "RESTORE", restoredFromSeq: BigInt(approved) });
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    const now = await getPoint(author, { id: doc.id }, String(await headOf(doc.id)));
    expect(now.reviewedBy.map((s) => s.reviewer.name)).toEqual(["Rita Reviewer"]);
  });

  it("restores the whole doc; unchanged sections write nothing", async () => {
    const { author, doc } = await setup();
    const from = await headOf(doc.id);
    await edit(author, doc.id, "design-overview", "Changed.");
    const result = await restoreFromHistory(author, doc.id, String(from), {});
    expect(result.restored).toEqual(["design-overview"]);
    expect(result.unchanged.length).toBeGreaterThan(5);
    const diff = await diffHistory(author, { id: doc.id }, { from: { seq: String(from) } });
    expect(diff.sections.every((s) => s.status === "unchanged")).toBe(true);
  });
});

describe("named versions", () => {
  it("names the current point; the history and the sign-off record show which named version was approved", async () => {
    const { author, rita, doc } = await setup();
    const named = await nameCurrentVersion(author, doc.id, { name: "  v1.0 — sent for review " });
    expect(named).toMatchObject({ name: "v1.0 — sent for review", seq: await headOf(doc.id) });
    await requestReview(author, doc.id, { reviewerIds: [rita.id] });
    await approve(rita, doc.id);
    const page = await listHistory(author, { id: doc.id });
    expect(page.namedVersions.map((n) => n.name)).toEqual(["v1.0 — sent for review"]);
    expect(page.approvals[0]?.namedVersion).toBe("v1.0 — sent for review");
    const record = await getSignOffRecord(author, doc.id);
    expect(record.approvals[0]?.point).toEqual({
      seq: named.seq,
      namedVersion: "v1.0 — sent for review",
      url: `/docs/${doc.slug}/history/${named.seq}`,
    });
    expect(record.reviewRequests[0]?.point?.namedVersion).toBe("v1.0 — sent for review");
    await expect(nameCurrentVersion(author, doc.id, { name: "  " })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
  it("a review request keeps the point it was made on, whatever the clocks of the processes that wrote", async () => {
    const { author, rita, doc } = await setup();
    await edit(author, doc.id, "design-overview", "Sent for review as it stands.");
    const asked = await headOf(doc.id);
    await requestReview(author, doc.id, { reviewerIds: [rita.id] });
    await edit(author, doc.id, "design-overview", "Changed after the request.");
    // Row times come from each writer's clock: an app server a minute ahead must not move the request later.
    await db.reviewRequest.updateMany({
      where: { documentId: doc.id },
      data: { createdAt: new Date(Date.now() + 60_000) },
    });
    const record = await getSignOffRecord(author, doc.id);
    expect(record.reviewRequests[0]?.point?.seq).toBe(asked);
    expect(await headOf(doc.id)).toBeGreaterThan(asked);
  });
});

describe("access to history", () => {
  it("readers may read it; only editors restore or name; strangers get NOT_FOUND", async () => {
    const { author, doc, workspace } = await setup();
    const viewer = await createMember(workspace.id, "VIEWER", "Vic Viewer");
    const stranger = await createUser();
    const invited = await createUser({ name: "Rae Invited" });
    await shareDocWith(author, doc.id, invited.actor, "REVIEWER");
    const head = String(await headOf(doc.id));
    for (const reader of [viewer.actor, invited.actor]) {
      await expect(listHistory(reader, { id: doc.id })).resolves.toMatchObject({ canRestore: false });
      await expect(getPoint(reader, { id: doc.id }, head)).resolves.toMatchObject({ seq: Number(head) });
      await expect(restoreFromHistory(reader, doc.id, head, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(nameCurrentVersion(reader, doc.id, { name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(listHistory(stranger.actor, { id: doc.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPoint(stranger.actor, { id: doc.id }, head)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(diffHistory(stranger.actor, { id: doc.id }, { from: { seq: head } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
