import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveShareToken } from "@/lib/sharing/resolve-token";
import { createShareLink } from "@/lib/sharing/share-links";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { createTestImage } from "@/prisma/factories-media";
import { deleteDocForGood } from "./delete-doc";
import { saveSection } from "./save-section";

async function docWithEverything() {
  const owner = await createUser({ name: "Olivia Owner" });
  const doc = await createTestDoc(owner.actor, owner.workspace.id, {
    title: "Doomed plan",
    sections: { "design-overview": "Version two." },
  });
  const { version } = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "design-overview" } });
  await saveSection(owner.actor, doc.id, "design-overview", { baseVersion: version, content: paragraph("Three.") });
  const image = await createTestImage(owner.actor, doc.id, { width: 50, height: 30 });
  const { token } = await createShareLink(owner.actor, doc.id, { role: "view" }, "http://localhost:3000");
  return { owner, doc, image, token };
}

describe("deleting a doc for good", () => {
  it("removes the doc, its history, images and share links at once, and audits who did it", async () => {
    const { owner, doc, image, token } = await docWithEverything();
    // Another doc with the same picture keeps its bytes.
    const other = await createTestDoc(owner.actor, owner.workspace.id, { title: "Keeps the picture" });
    const copy = await createTestImage(owner.actor, other.id, { width: 50, height: 30 });
    const only = await createTestImage(owner.actor, doc.id, { width: 51, height: 31 });
    const sha = async (id: string) => (await db.docImage.findUniqueOrThrow({ where: { id } })).sha256;
    const [shared, lonely] = [await sha(image.id), await sha(only.id)];
    expect(await sha(copy.id)).toBe(shared);
    expect(await db.sectionVersion.count({ where: { documentId: doc.id } })).toBeGreaterThan(1);
    expect(await resolveShareToken(token)).toMatchObject({ status: "open", documentId: doc.id });

    await expect(deleteDocForGood(owner.actor, doc.id, { confirmTitle: "Doomed plan" })).resolves.toEqual({
      deleted: doc.id,
      workspaceSlug: owner.workspace.slug,
    });

    expect(await db.document.findUnique({ where: { id: doc.id } })).toBeNull();
    expect(await db.section.count({ where: { documentId: doc.id } })).toBe(0);
    expect(await db.sectionVersion.count({ where: { documentId: doc.id } })).toBe(0);
    expect(await db.shareLink.count({ where: { documentId: doc.id } })).toBe(0);
    await expect(resolveShareToken(token)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.docImage.count({ where: { documentId: doc.id } })).toBe(0);
    expect(await db.mediaBlob.findUnique({ where: { sha256: lonely } })).toBeNull();
    expect(await db.mediaBlob.findUnique({ where: { sha256: shared } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { documentId: doc.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id, type: "doc.deleted" },
    });
    expect(audit).toMatchObject({ actorId: owner.actor.id, data: { docId: doc.id, title: "Doomed plan" } });
  });

  it("needs the title typed again, and a workspace owner or admin", async () => {
    const { owner, doc } = await docWithEverything();
    await expect(deleteDocForGood(owner.actor, doc.id, { confirmTitle: "doomed" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(deleteDocForGood(owner.actor, doc.id, {})).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const editor = await createMember(owner.workspace.id, "MEMBER", "Eddie Editor");
    await expect(deleteDocForGood(editor.actor, doc.id, { confirmTitle: "Doomed plan" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const stranger = await createUser({ name: "Stan Stranger" });
    await expect(deleteDocForGood(stranger.actor, doc.id, { confirmTitle: "Doomed plan" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const admin = await createMember(owner.workspace.id, "ADMIN", "Ada Admin");
    await deleteDocForGood(admin.actor, doc.id, { confirmTitle: "Doomed plan" });
    expect(await db.document.count({ where: { id: doc.id } })).toBe(0);
  });
});
