import { ARCHITECTURE_SECTION_TITLES } from "@/lib/testing/template-titles";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { createDoc } from "./create-doc";
import { getDocForViewer } from "./queries";
import { saveSection } from "./save-section";
import { setDocArchived } from "./mutations";

describe("create from template", () => {
  it("makes one empty section per template section, in order, with guidance and outlines", async () => {
    const { actor, workspace } = await createUser();
    const { id, slug } = await createDoc(actor, workspace.id, { title: "Payments: <v2> API!" });
    expect(slug).toMatch(/^payments-v2-api-[a-z2-9]{5}$/);
    const doc = await getDocForViewer(actor, { slug });
    expect(doc.id).toBe(id);
    expect(doc.title).toBe("Payments: <v2> API!");
    expect(doc.sections.map((s) => s.title)).toEqual(ARCHITECTURE_SECTION_TITLES);
    expect(doc.sections.every((s) => s.isEmpty && s.version === 1)).toBe(true);
    expect(doc.sections.find((s) => s.key === "design-overview")?.guidance).toMatch(/approach/i);
    expect(JSON.stringify(doc.sections.find((s) => s.key === "risks-mitigation")?.outline)).toContain('"table"');
    expect(doc.access).toMatchObject({ role: "owner", canEdit: true });
  });

  it("rejects empty and over-long titles with a message", async () => {
    const { actor, workspace } = await createUser();
    await expect(createDoc(actor, workspace.id, { title: "   " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { title: ["Give the doc a title"] } },
    });
    await expect(createDoc(actor, workspace.id, { title: "x".repeat(201) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("viewers cannot create docs; strangers cannot see the workspace", async () => {
    const { actor, workspace } = await createUser();
    const viewer = await createMember(workspace.id, "VIEWER");
    const stranger = await createUser();
    await expect(createDoc(viewer.actor, workspace.id, { title: "Nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createDoc(stranger.actor, workspace.id, { title: "Nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(actor).toBeTruthy();
  });
});

describe("saving a section", () => {
  it("stores validated content, its text and HTML, bumps the version and stamps who and when", async () => {
    const { actor, workspace } = await createUser({ name: "Ada Lovelace" });
    const doc = await createTestDoc(actor, workspace.id);
    const saved = await saveSection(actor, doc.id, "data-model", {
      baseVersion: 1,
      content: paragraph("Orders have many <line items>."),
    });
    expect(saved).toMatchObject({ version: 2, changed: true, updatedBy: { name: "Ada Lovelace" } });
    const view = await getDocForViewer(actor, { id: doc.id });
    const section = view.sections.find((s) => s.key === "data-model")!;
    expect(section.html).toBe("<p>Orders have many &lt;line items&gt;.</p>");
    expect(section.updatedBy?.name).toBe("Ada Lovelace");
    // The stored stamp is the instant the save answered with (UTC, whatever the server's time zone).
    expect(section.updatedAt).toBe(saved.updatedAt.toISOString());
    expect(view.updatedAt).toBe(saved.updatedAt.toISOString());
    expect(view.revision).toBe(2);
  });

  it("a save based on an old version is a conflict that keeps the newer content", async () => {
    const { actor, workspace } = await createUser({ name: "First Writer" });
    const editor = await createMember(workspace.id, "MEMBER", "Second Writer");
    const doc = await createTestDoc(actor, workspace.id);
    await saveSection(actor, doc.id, "architecture", { baseVersion: 1, content: paragraph("first") });
    const error = await saveSection(editor.actor, doc.id, "architecture", {
      baseVersion: 1,
      content: paragraph("second"),
    }).catch((e) => e);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("First Writer saved a newer version of this section while you were editing.");
    expect(error.details.data.current).toMatchObject({
      version: 2,
      html: "<p>first</p>",
      updatedBy: { name: "First Writer" },
    });
    const stored = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "architecture" } });
    expect(stored.text).toBe("first");
    // Merging: the second writer saves on top of what they saw.
    await expect(
      saveSection(editor.actor, doc.id, "architecture", { baseVersion: 2, content: paragraph("first + second") }),
    ).resolves.toMatchObject({ version: 3 });
  });

  it("concurrent saves on the same version: exactly one wins, the rest conflict", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        saveSection(actor, doc.id, "edge-cases", { baseVersion: 1, content: paragraph(`writer ${i}`) }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === "rejected")
        .every((r) => (r as PromiseRejectedResult).reason.code === "CONFLICT"),
    ).toBe(true);
    const stored = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "edge-cases" } });
    expect(stored.version).toBe(2);
  });

  it("saving identical content creates no new version", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    await saveSection(actor, doc.id, "rollout-plan", { baseVersion: 1, content: paragraph("Phase 1") });
    await expect(
      saveSection(actor, doc.id, "rollout-plan", { baseVersion: 2, content: paragraph("Phase 1") }),
    ).resolves.toMatchObject({ version: 2, changed: false });
  });

  it.each([
    ["an unknown node", { type: "doc", content: [{ type: "script", content: [] }] }, /script/],
    [
      "a javascript: link",
      {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
          },
        ],
      },
      /link/i,
    ],
    ["more than 512 KB", paragraph("x".repeat(600 * 1024)), /512 KB/],
    ["a non-document", "just a string", /./],
  ])("rejects %s with 422 and keeps the stored content", async (_name, content, message) => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "design-overview": "kept" } });
    const error = await saveSection(actor, doc.id, "design-overview", { baseVersion: 2, content }).catch((e) => e);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(message);
    const stored = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "design-overview" } });
    expect(stored).toMatchObject({ text: "kept", version: 2 });
  });

  it("rejects a missing baseVersion and an unknown section", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    await expect(saveSection(actor, doc.id, "architecture", { content: paragraph("x") })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      saveSection(actor, doc.id, "no-such-section", { baseVersion: 1, content: paragraph("x") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("viewers get FORBIDDEN, strangers NOT_FOUND, archived docs are read-only", async () => {
    const { actor, workspace } = await createUser();
    const viewer = await createMember(workspace.id, "VIEWER");
    const stranger = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    const save = (who: typeof actor) =>
      saveSection(who, doc.id, "architecture", { baseVersion: 1, content: paragraph("x") });
    await expect(save(viewer.actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(save(stranger.actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDocForViewer(stranger.actor, { id: doc.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDocForViewer(viewer.actor, { id: doc.id })).resolves.toMatchObject({ access: { canEdit: false } });
    await setDocArchived(actor, doc.id, true);
    await expect(save(actor)).rejects.toMatchObject({ code: "CONFLICT", message: /archived/ });
  });
});
