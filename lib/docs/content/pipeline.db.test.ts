import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createTestThread } from "@/prisma/factories-comments";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { setDocArchived } from "@/lib/docs/mutations";
import { saveSection } from "@/lib/docs/save-section";
import { commitSectionContent } from "./commit";
import { contentHash } from "./derive";

async function codeOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : String(error);
}

const versionsOf = (docId: string, sectionKey: string) =>
  db.sectionVersion.findMany({ where: { documentId: docId, sectionKey }, orderBy: { seq: "asc" } });
const docRow = (id: string) =>
  db.document.findUniqueOrThrow({ where: { id }, select: { revision: true, updatedAt: true, headSeq: true } });

describe("commitSectionContent", () => {
  it("writes the section, one version row and the doc stamps; an identical save writes nothing", async () => {
    const { actor, workspace } = await createUser({ name: "Ada" });
    const doc = await createTestDoc(actor, workspace.id);
    const before = await docRow(doc.id);
    const saved = await commitSectionContent({
      docId: doc.id,
      sectionKey: "design-overview",
      content: paragraph("A cache in front of the ledger."),
      basis: { kind: "version", version: 1 },
      actor,
      source: "editor",
    });
    expect(saved).toMatchObject({ changed: true, version: 2, docRevision: 2 });
    expect(saved.contentHash).toBe(contentHash(paragraph("A cache in front of the ledger.")));
    const versions = await versionsOf(doc.id, "design-overview");
    expect(versions.map((v) => [v.kind, v.version, v.text, v.authorIds])).toEqual([
      ["CREATE", 1, "", [actor.id]],
      ["EDIT", 2, "A cache in front of the ledger.", [actor.id]],
    ]);
    const after = await docRow(doc.id);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.headSeq).toBe(saved.seq);

    const again = await saveSection(actor, doc.id, "design-overview", {
      baseVersion: 2,
      content: paragraph("A cache in front of the ledger."),
    });
    expect(again).toMatchObject({ changed: false, version: 2 });
    expect(await versionsOf(doc.id, "design-overview")).toHaveLength(2);
    expect((await docRow(doc.id)).revision).toBe(after.revision);
  });

  it("refuses a stale basis with 409, but not one older by comment anchors only", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "design-overview": "Tokens rotate daily." } });
    const { actor: reviewer } = await createMember(workspace.id, "MEMBER", "Rev");
    // The author's editor loaded version 2; a reviewer anchors a comment (version 3, an annotation).
    const { threadId } = await createTestThread(reviewer, doc.id, { quote: "rotate", offset: 7 });
    const saved = await saveSection(actor, doc.id, "design-overview", {
      baseVersion: 2,
      content: paragraph("Tokens rotate daily at noon."),
    });
    expect(saved).toMatchObject({ changed: true, version: 4 });
    // The writer's copy had no mark: it is put back on the same words.
    const section = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "design-overview" } });
    expect(JSON.stringify(section.content)).toContain(threadId);
    expect((await versionsOf(doc.id, "design-overview")).map((v) => v.kind)).toEqual([
      "CREATE",
      "EDIT",
      "ANNOTATION",
      "EDIT",
    ]);
    // An edit since the basis is a conflict, and nothing is written.
    const stale = saveSection(actor, doc.id, "design-overview", { baseVersion: 2, content: paragraph("Lost?") });
    expect(await codeOf(stale)).toBe("CONFLICT");
    expect(await versionsOf(doc.id, "design-overview")).toHaveLength(4);
  });

  it("records an annotation without moving the revision or the Last updated stamp", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "design-overview": "Tokens rotate daily." } });
    const before = await docRow(doc.id);
    await createTestThread(actor, doc.id, { quote: "daily", offset: 14 });
    const after = await docRow(doc.id);
    expect(after).toMatchObject({ revision: before.revision, updatedAt: before.updatedAt });
    expect(after.headSeq).toBeGreaterThan(before.headSeq);
  });

  it("takes an authoritative write (the collaboration store) with every author of the merge", async () => {
    const { actor, workspace } = await createUser();
    const { actor: other } = await createMember(workspace.id, "MEMBER", "Other");
    const doc = await createTestDoc(actor, workspace.id, { sections: { "design-overview": "One." } });
    const saved = await commitSectionContent({
      docId: doc.id,
      sectionKey: "design-overview",
      content: paragraph("One. Two."),
      basis: { kind: "authoritative" },
      actor,
      coAuthorIds: [other.id, actor.id],
      source: "collab",
    });
    const last = (await versionsOf(doc.id, "design-overview")).at(-1)!;
    expect(last).toMatchObject({ seq: saved.seq, kind: "COLLAB", authorId: actor.id, authorIds: [actor.id, other.id] });
  });

  it("refuses a live store over a version written outside the live doc that it has not merged (409)", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "design-overview": "One." } });
    const live = (text: string, known: number) =>
      commitSectionContent({
        docId: doc.id,
        sectionKey: "design-overview",
        content: paragraph(text),
        basis: { kind: "live", known },
        actor,
        source: "collab",
      });
    // The live doc stored version 3 itself; a comment anchor since (version 4) is put back on its content.
    expect(await live("One. Two.", 2)).toMatchObject({ version: 3 });
    await createTestThread(actor, doc.id, { quote: "Two", offset: 5 });
    expect(await live("One. Two. Three.", 3)).toMatchObject({ version: 5 });
    // An API write (version 6) the live doc has not taken in: its store would lay typing over it.
    await saveSection(actor, doc.id, "design-overview", { baseVersion: 5, content: paragraph("From the API.") });
    expect(await codeOf(live("One. Two. Three. Four.", 5))).toBe("CONFLICT");
    expect((await versionsOf(doc.id, "design-overview")).at(-1)).toMatchObject({ version: 6, text: "From the API." });
    // Once merged (the live doc knows version 6), it stores.
    expect(await live("From the API. Four.", 6)).toMatchObject({ version: 7 });
  });

  it("asks the one editability rule: viewers, archived and locked docs are refused, nothing written", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    const { actor: viewer } = await createMember(workspace.id, "VIEWER");
    const { actor: stranger } = await createUser();
    const write = (who: typeof actor) =>
      commitSectionContent({
        docId: doc.id,
        sectionKey: "design-overview",
        content: paragraph("x"),
        basis: { kind: "authoritative" },
        actor: who,
        source: "collab",
      });
    expect(await codeOf(write(viewer))).toBe("FORBIDDEN");
    expect(await codeOf(write(stranger))).toBe("NOT_FOUND");
    await db.document.update({ where: { id: doc.id }, data: { lockedAt: new Date(), lockedById: actor.id } });
    expect(await codeOf(write(actor))).toBe("CONFLICT");
    await db.document.update({ where: { id: doc.id }, data: { lockedAt: null, lockedById: null } });
    await setDocArchived(actor, doc.id, true);
    expect(await codeOf(write(actor))).toBe("CONFLICT");
    expect(await versionsOf(doc.id, "design-overview")).toHaveLength(1);
    expect(
      await codeOf(
        commitSectionContent({
          docId: doc.id,
          sectionKey: "design-overview",
          content: { type: "doc", content: [{ type: "script" }] },
          basis: { kind: "authoritative" },
          actor,
          source: "collab",
        }),
      ),
    ).toBe("INVALID_INPUT");
  });
});
