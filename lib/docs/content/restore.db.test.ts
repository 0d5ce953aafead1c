import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { saveSection } from "@/lib/docs/save-section";
import { getSignOffState } from "@/lib/reviews/queries";
import { requestReview } from "@/lib/reviews/request-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { createThread } from "@/lib/comments/create-thread";
import { commentBody } from "@/prisma/factories-comments";
import { addSection, removeSection, renameSection } from "@/lib/docs/extra-sections";
import { previewRestore, restoreSections } from "./restore";

async function edit(actor: Actor, docId: string, key: string, text: string) {
  const { version } = await db.section.findFirstOrThrow({
    where: { documentId: docId, key },
    select: { version: true },
  });
  return saveSection(actor, docId, key, { baseVersion: version, content: paragraph(text) });
}
const textOf = async (docId: string, key: string) =>
  (await db.section.findFirstOrThrow({ where: { documentId: docId, key } })).text;
const headOf = async (docId: string) =>
  (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { headSeq: true } })).headSeq;
const states = async (actor: Actor, docId: string) =>
  Object.fromEntries((await getSignOffState(actor, docId)).reviewers.map((r) => [r.reviewer.name, r.state]));

async function setup() {
  const author = await createUser({ name: "Ada" });
  const alice = await createMember(author.workspace.id, "MEMBER", "Alice");
  const bob = await createMember(author.workspace.id, "MEMBER", "Bob");
  const doc = await createTestDoc(author.actor, author.workspace.id, {
    sections: { "design-overview": "Overview v1.", "security-considerations": "Security v1." },
  });
  return { author: author.actor, alice: alice.actor, bob: bob.actor, doc };
}

describe("restoreSections", () => {
  it("brings one section back as a new RESTORE version; history keeps everything", async () => {
    const { author, doc } = await setup();
    const point = await headOf(doc.id);
    await edit(author, doc.id, "design-overview", "Overview v2.");
    await edit(author, doc.id, "security-considerations", "Security v2.");
    const before = await db.sectionVersion.count({ where: { documentId: doc.id } });

    const result = await restoreSections(author, doc.id, point, ["design-overview"]);
    expect(result.restored).toEqual(["design-overview"]);
    expect(await textOf(doc.id, "design-overview")).toBe("Overview v1.");
    expect(await textOf(doc.id, "security-considerations")).toBe("Security v2.");
    const last = await db.sectionVersion.findFirstOrThrow({ where: { documentId: doc.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({
      kind: "RESTORE",
      restoredFromSeq: point,
      seq: BigInt(result.seq),
      text: "Overview v1.",
    });
    expect(await db.sectionVersion.count({ where: { documentId: doc.id } })).toBe(before + 1);
    const audit = await db.auditEvent.findFirst({ where: { documentId: doc.id, type: "section.restored" } });
    expect(audit?.data).toMatchObject({ section: "design-overview", seq: String(point) });
  });

  it("restores the whole doc; approvals go stale only for changed sections and count again when restored", async () => {
    const { author, alice, bob, doc } = await setup();
    await requestReview(author, doc.id, { reviewerIds: [alice.id], sectionKeys: ["design-overview"] });
    await requestReview(author, doc.id, { reviewerIds: [bob.id], sectionKeys: ["security-considerations"] });
    const revision = async () => (await db.document.findUniqueOrThrow({ where: { id: doc.id } })).revision;
    await submitVerdict(alice, doc.id, { kind: "APPROVE", revision: await revision() });
    await submitVerdict(bob, doc.id, { kind: "APPROVE", revision: await revision() });
    const approved = await headOf(doc.id);
    expect(await states(author, doc.id)).toEqual({ Alice: "approved", Bob: "approved" });

    await edit(author, doc.id, "design-overview", "Overview rewritten.");
    expect(await states(author, doc.id)).toEqual({ Alice: "stale", Bob: "approved" });

    const result = await restoreSections(author, doc.id, approved, "all");
    expect(result.restored).toEqual(["design-overview"]);
    expect(await states(author, doc.id)).toEqual({ Alice: "approved", Bob: "approved" });
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe("APPROVED");
  });

  it("is for editors only, and refuses points and sections the doc never had", async () => {
    const { author, alice, doc } = await setup();
    const { actor: viewer } = await createMember(
      (await db.document.findUniqueOrThrow({ where: { id: doc.id } })).workspaceId,
      "VIEWER",
    );
    const point = await headOf(doc.id);
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: unknown) => (isAppError(e) ? e.code : String(e)),
      );
    expect(await code(restoreSections(viewer, doc.id, point, "all"))).toBe("FORBIDDEN");
    expect(await code(restoreSections(author, doc.id, point + 1000n, "all"))).toBe("NOT_FOUND");
    expect(await code(restoreSections(author, doc.id, point, ["nope"]))).toBe("INVALID_INPUT");
    expect(await code(restoreSections(alice, doc.id, point, "all"))).toBe("ok");
  });
});

describe("whole-doc restore of extra sections", () => {
  const keys = async (docId: string) =>
    (await db.section.findMany({ where: { documentId: docId }, orderBy: { order: "asc" } })).map((s) => s.key);

  it("brings back sections removed since, removes those added since, and puts titles and places back", async () => {
    const { author, doc } = await setup();
    const { key: notes } = await addSection(author, doc.id, { title: "Rollout notes", after: "design-overview" });
    await edit(author, doc.id, notes, "Ship behind a flag.");
    const { key: risks } = await addSection(author, doc.id, { title: "Risks" });
    const point = await headOf(doc.id);
    const before = await keys(doc.id);

    await removeSection(author, doc.id, notes);
    await renameSection(author, doc.id, risks, { title: "Open risks" });
    const { key: later } = await addSection(author, doc.id, { title: "Later ideas" });
    await edit(author, doc.id, later, "Maybe a cache.");
    await edit(author, doc.id, "design-overview", "Overview v2.");

    const preview = await previewRestore(author, doc.id, point, "all");
    expect(preview.changes.map((c) => [c.key, c.change])).toEqual([
      ["design-overview", "content"],
      [notes, "added"],
      [risks, "renamed"],
      [later, "removed"],
    ]);
    expect(await keys(doc.id)).not.toContain(notes); // a preview writes nothing

    const result = await restoreSections(author, doc.id, point, "all");
    expect(result).toMatchObject({ restored: ["design-overview"], added: [notes], removed: [later], renamed: [risks] });
    expect(result.changes).toEqual(preview.changes);
    expect(await keys(doc.id)).toEqual(before);
    expect(await textOf(doc.id, notes)).toBe("Ship behind a flag.");
    expect(await textOf(doc.id, "design-overview")).toBe("Overview v1.");
    const risk = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: risks } });
    expect(risk.title).toBe("Risks");
    // Brought back under its own id: its history goes on; the removed one is kept in history.
    const back = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: notes } });
    const versions = await db.sectionVersion.findMany({ where: { sectionId: back.id }, orderBy: { seq: "asc" } });
    expect(versions.filter((v) => v.removed)).toHaveLength(1);
    expect(versions.slice(-2).map((v) => [v.kind, v.removed])).toEqual([
      ["CREATE", false],
      ["RESTORE", false],
    ]);
    expect(back.version).toBe(versions.at(-1)!.version);
    const audits = await db.auditEvent.findMany({
      where: { documentId: doc.id, type: { in: ["section.added", "section.removed"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(
      audits
        .slice(-2)
        .map((a) => a.type)
        .sort(),
    ).toEqual(["section.added", "section.removed"]);
    // Nothing left to do: the doc is as it was.
    expect((await previewRestore(author, doc.id, await headOf(doc.id), "all")).changes).toEqual([]);
    expect((await previewRestore(author, doc.id, point, "all")).changes).toEqual([]);
  });

  it("keeps a section added since that has open comment threads, and says so", async () => {
    const { author, alice, doc } = await setup();
    const point = await headOf(doc.id);
    const { key } = await addSection(author, doc.id, { title: "Questions" });
    await edit(author, doc.id, key, "Who owns this?");
    await createThread(alice, doc.id, { sectionKey: key, body: commentBody("Me?") });
    const result = await restoreSections(author, doc.id, point, "all");
    expect(result).toMatchObject({ removed: [], kept: [key] });
    expect(result.changes).toEqual([{ key, title: "Questions", change: "kept" }]);
    expect(await keys(doc.id)).toContain(key);
  });

  it("gives a section brought back a new key when one added since took its key and stays", async () => {
    const { author, alice, doc } = await setup();
    const { key } = await addSection(author, doc.id, { title: "Notes" });
    await edit(author, doc.id, key, "Old notes.");
    const point = await headOf(doc.id);
    await removeSection(author, doc.id, key);
    const { key: again } = await addSection(author, doc.id, { title: "Notes" });
    expect(again).toBe(key);
    await createThread(alice, doc.id, { sectionKey: again, body: commentBody("Keep this one") });
    const result = await restoreSections(author, doc.id, point, "all");
    expect(result.kept).toEqual([key]);
    expect(result.added).toEqual([`${key}-2`]);
    expect(await textOf(doc.id, `${key}-2`)).toBe("Old notes.");
  });

  it("restoring one removed section by key brings it back where it was, and removes nothing", async () => {
    const { author, doc } = await setup();
    const { key } = await addSection(author, doc.id, { title: "Appendix", after: "design-overview" });
    await edit(author, doc.id, key, "Extra detail.");
    const point = await headOf(doc.id);
    const before = await keys(doc.id);
    await removeSection(author, doc.id, key);
    const { key: other } = await addSection(author, doc.id, { title: "Glossary" });
    const result = await restoreSections(author, doc.id, point, [key]);
    expect(result).toMatchObject({ added: [key], removed: [] });
    expect(await keys(doc.id)).toEqual([...before, other]);
    expect(await textOf(doc.id, key)).toBe("Extra detail.");
  });
});
