import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { saveSection } from "@/lib/docs/save-section";
import { requestReview } from "@/lib/reviews/request-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { diffHistory } from "./diff-history";
import { listHistory } from "./list-history";
import { lastVisitOf, recordDocVisit } from "./visits";

async function edit(actor: Actor, docId: string, key: string, text: string) {
  const { version } = await db.section.findFirstOrThrow({
    where: { documentId: docId, key },
    select: { version: true },
  });
  return saveSection(actor, docId, key, { baseVersion: version, content: paragraph(text) });
}
const headOf = async (docId: string) =>
  Number((await db.document.findUniqueOrThrow({ where: { id: docId }, select: { headSeq: true } })).headSeq);
/** As if the person's last view of the doc was an hour ago (a visit ends after a 30-minute pause). */
const anHourPasses = (userId: string, docId: string) =>
  db.$executeRaw`UPDATE "DocVisit" SET "seenAt" = "seenAt" - interval '1 hour', "visitStartedAt" = "visitStartedAt"
    - interval '1 hour' WHERE "userId" = ${userId} AND "documentId" = ${docId}`;

async function setup() {
  const author = await createUser({ name: "Ada Author" });
  const rita = await createMember(author.workspace.id, "MEMBER", "Rita Reviewer");
  const doc = await createTestDoc(author.actor, author.workspace.id, {
    sections: { "design-overview": "We cache per page.", "testing-strategy": "Unit tests." },
  });
  return { author: author.actor, rita: rita.actor, doc };
}

describe("changes since my last visit", () => {
  it("is kept per person on the server: the point is what they had seen when their previous visit ended", async () => {
    const { author, rita, doc } = await setup();
    await recordDocVisit(rita, doc.id);
    // A first visit has nothing to compare from.
    expect(await lastVisitOf(rita.id, doc.id)).toBeNull();
    await edit(author, doc.id, "design-overview", "We cache per section.");
    await recordDocVisit(rita, doc.id); // same visit: she has now seen the edit
    const seen = await headOf(doc.id);
    expect(await lastVisitOf(rita.id, doc.id)).toBeNull();

    await anHourPasses(rita.id, doc.id);
    await edit(author, doc.id, "testing-strategy", "Unit and e2e tests.");
    await recordDocVisit(rita, doc.id); // a new visit, from any browser
    expect(await lastVisitOf(rita.id, doc.id)).toMatchObject({ seq: seen });
    // Views within the visit keep the point where it was.
    await recordDocVisit(rita, doc.id);
    const since = await lastVisitOf(rita.id, doc.id);
    expect(since?.seq).toBe(seen);

    const diff = await diffHistory(rita, { id: doc.id }, { from: { seq: String(since!.seq) } });
    expect(diff.sections.filter((s) => s.status !== "unchanged").map((s) => s.key)).toEqual(["testing-strategy"]);
    // Someone else's visits are their own.
    expect(await lastVisitOf(author.id, doc.id)).toBeNull();
  });

  it("is refused to people who cannot read the doc", async () => {
    const { doc } = await setup();
    const outsider = await createUser({ name: "Olly Outsider" });
    await expect(recordDocVisit(outsider.actor, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.docVisit.count({ where: { documentId: doc.id } })).toBe(0);
  });
});

describe("since approved by", () => {
  it("starts from the point the verdict recorded, not from the clock", async () => {
    const { author, rita, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [rita.id] });
    const approvedAt = await headOf(doc.id);
    const revision = (await db.document.findUniqueOrThrow({ where: { id: doc.id } })).revision;
    await submitVerdict(rita, doc.id, { kind: "APPROVE", revision });
    await edit(author, doc.id, "design-overview", "We cache per section.");
    // A clock that disagrees (the verdict stamped before every version) does not move the point. The verdict's
    // time moves, not the versions': only the content pipeline writes SectionVersion (single-writer test).
    await db.$executeRaw`UPDATE "Verdict" SET "createdAt" = "createdAt" - interval '1 day'
      WHERE "documentId" = ${doc.id}`;
    const verdict = await db.verdict.findFirstOrThrow({ where: { documentId: doc.id } });
    expect(Number(verdict.seq)).toBe(approvedAt);
    const page = await listHistory(author, { id: doc.id });
    expect(page.approvals).toEqual([expect.objectContaining({ seq: approvedAt })]);
    const diff = await diffHistory(author, { id: doc.id }, { from: { seq: String(approvedAt) } });
    expect(diff.sections.filter((s) => s.status !== "unchanged").map((s) => s.key)).toEqual(["design-overview"]);
  });
});
