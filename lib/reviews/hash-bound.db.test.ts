/** Verdicts bind to the covered sections' content hashes (issue 12), not to the doc-wide revision. */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getDocForViewer } from "@/lib/docs/queries";
import { saveSection } from "@/lib/docs/save-section";
import { isAppError } from "@/lib/errors";
import { createTestThread } from "@/prisma/factories-comments";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { getSignOffState } from "./queries";
import { requestReview } from "./request-review";
import { submitVerdict } from "./submit-verdict";

async function edit(actor: Actor, docId: string, key: string, text: string) {
  const { version } = await db.section.findFirstOrThrow({
    where: { documentId: docId, key },
    select: { version: true },
  });
  return saveSection(actor, docId, key, { baseVersion: version, content: paragraph(text) });
}

/** What a reviewer's page has loaded: the doc revision and each section's version. */
async function loaded(actor: Actor, docId: string) {
  const doc = await getDocForViewer(actor, { id: docId });
  return {
    revision: doc.revision,
    seq: doc.seq,
    sectionVersions: Object.fromEntries(doc.sections.map((s) => [s.key, s.version])),
  };
}

async function setup() {
  const author = await createUser({ name: "Ada Author" });
  const alice = await createMember(author.workspace.id, "MEMBER", "Alice Reviewer");
  const doc = await createTestDoc(author.actor, author.workspace.id, {
    sections: { "design-overview": "Cache per section.", "security-considerations": "Tokens are hashed." },
  });
  await requestReview(author.actor, doc.id, {
    reviewerIds: [alice.actor.id],
    sectionKeys: ["security-considerations"],
  });
  return { author: author.actor, alice: alice.actor, doc };
}

const codeOf = (e: unknown) => (isAppError(e) ? e.code : String(e));
const stateOf = async (actor: Actor, docId: string) =>
  (await getSignOffState(actor, docId)).reviewers.map((r) => [r.reviewer.name, r.state]);

describe("a verdict bound to section hashes", () => {
  it("is not refused by an edit elsewhere or a comment anchor, only by a change of what it covers", async () => {
    const { author, alice, doc } = await setup();
    const seen = await loaded(alice, doc.id);
    await edit(author, doc.id, "design-overview", "Cache per section, for one minute.");
    await createTestThread(author, doc.id, { sectionKey: "security-considerations", quote: "hashed", offset: 11 });
    const ok = await submitVerdict(alice, doc.id, { kind: "APPROVE", ...seen });
    expect(ok).toMatchObject({ kind: "APPROVE", status: "APPROVED" });

    const again = await loaded(alice, doc.id);
    await edit(author, doc.id, "security-considerations", "Tokens are hashed with SHA-256.");
    const refused = await submitVerdict(alice, doc.id, { kind: "COMMENT", body: "ok", ...again }).catch((e) => e);
    expect(codeOf(refused)).toBe("CONFLICT");
    expect(refused.details.data.sections).toEqual([
      expect.objectContaining({
        key: "security-considerations",
        before: "Tokens are hashed.",
        after: "Tokens are hashed with SHA-256.",
      }),
    ]);
    expect(await db.verdict.count({ where: { documentId: doc.id } })).toBe(1);
  });

  it("takes the point in history an API caller read (seq) the same way", async () => {
    const { author, alice, doc } = await setup();
    const { revision, seq } = await loaded(alice, doc.id);
    await edit(author, doc.id, "design-overview", "Elsewhere.");
    expect(await submitVerdict(alice, doc.id, { kind: "APPROVE", revision, seq })).toMatchObject({ kind: "APPROVE" });
    await edit(author, doc.id, "security-considerations", "Covered.");
    const refused = await submitVerdict(alice, doc.id, { kind: "APPROVE", revision, seq }).catch((e) => e);
    expect(codeOf(refused)).toBe("CONFLICT");
  });

  it("counts an approval exactly while the covered content equals what was approved", async () => {
    const { author, alice, doc } = await setup();
    await submitVerdict(alice, doc.id, { kind: "APPROVE", ...(await loaded(alice, doc.id)) });
    expect(await stateOf(author, doc.id)).toEqual([["Alice Reviewer", "approved"]]);

    await edit(author, doc.id, "design-overview", "Not covered by Alice.");
    expect(await stateOf(author, doc.id)).toEqual([["Alice Reviewer", "approved"]]);

    await edit(author, doc.id, "security-considerations", "Tokens are stored in plain text.");
    expect(await stateOf(author, doc.id)).toEqual([["Alice Reviewer", "stale"]]);
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe("IN_REVIEW");

    // Back to the approved words: the approval counts again, and the trail says so.
    await edit(author, doc.id, "security-considerations", "Tokens are hashed.");
    expect(await stateOf(author, doc.id)).toEqual([["Alice Reviewer", "approved"]]);
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).status).toBe("APPROVED");
    const trail = await db.auditEvent.findMany({
      where: { documentId: doc.id, type: { in: ["approval.stale", "approval.current"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(trail.map((e) => e.type)).toEqual(["approval.stale", "approval.current"]);
  });
});
