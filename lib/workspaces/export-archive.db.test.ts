import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveSection } from "@/lib/docs/save-section";
import { requestReview } from "@/lib/reviews/request-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { createMember, createUser } from "@/prisma/factories";
import { createTestThread } from "@/prisma/factories-comments";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { createTestImage } from "@/prisma/factories-media";
import { exportWorkspaceArchive } from "./export-archive";

async function read(stream: ReadableStream<Uint8Array>) {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const files = unzipSync(bytes);
  const text = (name: string) => {
    expect(Object.keys(files), name).toContain(name);
    return new TextDecoder().decode(files[name]);
  };
  return { files, text, json: (name: string) => JSON.parse(text(name)) };
}

/** A workspace with two docs: one written, reviewed, approved and commented, with a picture; one archived. */
async function workspaceWithWork() {
  const owner = await createUser({ name: "Olivia Owner" });
  const reviewer = await createMember(owner.workspace.id, "MEMBER", "Rhea Reviewer");
  const doc = await createTestDoc(owner.actor, owner.workspace.id, {
    title: "Ledger plan",
    sections: { "design-overview": "Double entry everywhere." },
  });
  const image = await createTestImage(owner.actor, doc.id, { width: 40, height: 20, fileName: "flow.png" });
  const { version } = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "architecture" } });
  await saveSection(owner.actor, doc.id, "architecture", {
    baseVersion: version,
    content: {
      type: "doc",
      content: [paragraph("The flow:").content![0]!, { type: "image", attrs: { src: `/media/${image.id}` } }],
    },
  });
  await createTestThread(reviewer.actor, doc.id, { text: "Why double entry?" });
  await requestReview(owner.actor, doc.id, { reviewerIds: [reviewer.actor.id] });
  const { revision } = await db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { revision: true } });
  await submitVerdict(reviewer.actor, doc.id, { kind: "APPROVE", body: "Ship it", revision });
  const old = await createTestDoc(owner.actor, owner.workspace.id, { title: "Old notes" });
  await db.document.update({ where: { id: old.id }, data: { archivedAt: new Date() } });
  return { owner, reviewer, doc, old, image };
}

describe("exporting a workspace", () => {
  it("gives the owner one zip: Markdown per doc, reviews and audit as JSON, the images, a manifest", async () => {
    const { owner, doc, old, image } = await workspaceWithWork();
    const { filename, stream } = await exportWorkspaceArchive(owner.actor, owner.workspace.id);
    expect(filename).toMatch(new RegExp(`^${owner.workspace.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const zip = await read(stream);

    const manifest = zip.json("manifest.json");
    expect(manifest.workspace).toMatchObject({ id: owner.workspace.id, name: owner.workspace.name });
    expect(manifest.exportedBy).toBe("Olivia Owner");
    expect(manifest.docs.map((d: { title: string }) => d.title)).toEqual(["Ledger plan", "Old notes"]);
    expect(manifest.docs[1]).toMatchObject({ id: old.id, archived: true });

    const markdown = zip.text(`docs/${doc.slug}.md`);
    expect(markdown).toMatch(/^# Ledger plan\n/);
    expect(markdown).toContain("Double entry everywhere.");
    // The picture is linked to its file inside the archive, and that file holds the uploaded bytes.
    expect(markdown).toContain(`](../images/${image.id}.png)`);
    const blob = await db.mediaBlob.findFirstOrThrow({ where: { images: { some: { id: image.id } } } });
    expect(Buffer.from(zip.files[`images/${image.id}.png`]!).equals(Buffer.from(blob.data))).toBe(true);
    expect(manifest.images).toEqual([
      { id: image.id, doc: doc.id, fileName: "flow.png", file: `images/${image.id}.png` },
    ]);

    const reviews = zip.json(`docs/${doc.slug}.reviews.json`);
    expect(reviews.approvals).toEqual([expect.objectContaining({ reviewer: "Rhea Reviewer", current: true })]);
    expect(reviews.verdicts).toEqual([expect.objectContaining({ kind: "APPROVE", body: "Ship it" })]);
    expect(reviews.reviewRequests).toEqual([expect.objectContaining({ reviewer: "Rhea Reviewer" })]);
    expect(reviews.threads[0].comments[0]).toMatchObject({ author: "Rhea Reviewer", text: "Why double entry?" });
    expect(reviews.events.length).toBeGreaterThan(0);
    zip.text(`docs/${old.slug}.md`);

    const audit = zip.json("audit.json") as { type: string; actor: string | null }[];
    expect(audit.map((e) => e.type)).toEqual(expect.arrayContaining(["review.requested", "verdict.submitted"]));
    // The export itself is on the record.
    const exported = await db.auditEvent.findFirst({
      where: { workspaceId: owner.workspace.id, type: "workspace.exported", actorId: owner.actor.id },
    });
    expect(exported).not.toBeNull();
  });

  it("writes a long audit trail a page at a time into one valid JSON array", async () => {
    const owner = await createUser({ name: "Busy Owner" });
    await db.auditEvent.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        workspaceId: owner.workspace.id,
        actorId: owner.actor.id,
        type: "test.event",
        data: { i },
      })),
    });
    const zip = await read((await exportWorkspaceArchive(owner.actor, owner.workspace.id)).stream);
    const audit = zip.json("audit.json") as { type: string; data: { i: number } }[];
    const ours = audit.filter((e) => e.type === "test.event").map((e) => e.data.i);
    expect(ours).toHaveLength(1203);
    expect(new Set(ours).size).toBe(1203);
  });

  it("is for owners: an admin is refused, a stranger finds no workspace", async () => {
    const owner = await createUser({ name: "Olivia Owner" });
    const admin = await createMember(owner.workspace.id, "ADMIN", "Ada Admin");
    const stranger = await createUser({ name: "Stan Stranger" });
    await expect(exportWorkspaceArchive(admin.actor, owner.workspace.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportWorkspaceArchive(stranger.actor, owner.workspace.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
