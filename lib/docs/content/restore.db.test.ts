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
import { restoreSections } from "./restore";

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
    expect(last).toMatchObject({ kind: "RESTORE", restoredFromSeq: point, seq: result.seq, text: "Overview v1." });
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
