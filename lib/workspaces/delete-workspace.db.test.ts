import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveShareToken } from "@/lib/sharing/resolve-token";
import { createShareLink } from "@/lib/sharing/share-links";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { createTestImage } from "@/prisma/factories-media";
import { deleteWorkspaceForGood } from "./delete-workspace";

async function teamWorkspace() {
  const owner = await createUser({ name: "Olivia Owner" });
  const mate = await createMember(owner.workspace.id, "ADMIN", "Mia Mate");
  const doc = await createTestDoc(owner.actor, owner.workspace.id, {
    title: "Team plan",
    sections: { "design-overview": "Shared." },
  });
  const image = await createTestImage(owner.actor, doc.id, { width: 33, height: 21 });
  const { token } = await createShareLink(owner.actor, doc.id, { role: "view" }, "http://localhost:3000");
  // The teammate's own workspace, with a doc of theirs in it.
  const theirs = await createTestDoc(mate.actor, mate.workspace.id, { title: "Mia's notes" });
  return { owner, mate, doc, image, token, theirs };
}

describe("deleting a workspace for good", () => {
  it("takes its docs, share links and images, keeps members' other workspaces, and records who did it", async () => {
    const { owner, mate, doc, image, token, theirs } = await teamWorkspace();
    const { sha256 } = await db.docImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(await resolveShareToken(token)).toMatchObject({ status: "open" });

    const result = await deleteWorkspaceForGood(owner.actor, owner.workspace.id, { confirmName: owner.workspace.name });

    expect(result.deleted).toBe(owner.workspace.id);
    expect(await db.workspace.findUnique({ where: { id: owner.workspace.id } })).toBeNull();
    expect(await db.document.findUnique({ where: { id: doc.id } })).toBeNull();
    expect(await db.sectionVersion.count({ where: { documentId: doc.id } })).toBe(0);
    await expect(resolveShareToken(token)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.mediaBlob.findUnique({ where: { sha256 } })).toBeNull();
    expect(await db.membership.count({ where: { workspaceId: owner.workspace.id } })).toBe(0);
    // Both people keep their accounts; the teammate keeps their own workspace and doc.
    expect(await db.user.count({ where: { id: { in: [owner.actor.id, mate.actor.id] }, deletedAt: null } })).toBe(2);
    expect(await db.document.findUnique({ where: { id: theirs.id } })).not.toBeNull();
    expect(await db.membership.count({ where: { userId: mate.actor.id, workspaceId: mate.workspace.id } })).toBe(1);
    // The workspace's own audit trail went with it; the deletion record outlives it.
    const record = await db.deletionRecord.findFirstOrThrow({ where: { subjectId: owner.workspace.id } });
    expect(record).toMatchObject({
      kind: "workspace",
      name: owner.workspace.name,
      actorId: owner.actor.id,
      actorName: "Olivia Owner",
      data: { docs: 1, members: 2, via: "workspace" },
    });
    // The owner had no other workspace: they land in a new empty one of their own.
    const landing = await db.workspace.findUniqueOrThrow({ where: { slug: result.landing } });
    expect(await db.membership.findFirst({ where: { workspaceId: landing.id, userId: owner.actor.id } })).toMatchObject(
      { role: "OWNER" },
    );
  });

  it("lands the owner in another workspace of theirs when they have one", async () => {
    const { owner, mate } = await teamWorkspace();
    await db.membership.create({ data: { userId: owner.actor.id, workspaceId: mate.workspace.id, role: "MEMBER" } });
    const result = await deleteWorkspaceForGood(owner.actor, owner.workspace.id, { confirmName: owner.workspace.name });
    expect(result.landing).toBe(mate.workspace.slug);
  });

  it("needs an owner and the name typed again", async () => {
    const { owner, mate } = await teamWorkspace();
    await expect(
      deleteWorkspaceForGood(mate.actor, owner.workspace.id, { confirmName: owner.workspace.name }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createUser({ name: "Stan Stranger" });
    await expect(
      deleteWorkspaceForGood(stranger.actor, owner.workspace.id, { confirmName: owner.workspace.name }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      deleteWorkspaceForGood(owner.actor, owner.workspace.id, { confirmName: "something else" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", details: { fieldErrors: { confirmName: expect.any(Array) } } });
    await expect(deleteWorkspaceForGood(owner.actor, owner.workspace.id, {})).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await db.workspace.count({ where: { id: owner.workspace.id } })).toBe(1);
  });
});
