import { describe, expect, it } from "vitest";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { addSection, moveSection, removeSection, renameSection } from "./extra-sections";
import { exportDocMarkdown } from "./markdown";
import { getDocForViewer } from "./queries";
import { saveSection } from "./save-section";

const titles = async (actor: Parameters<typeof getDocForViewer>[0], id: string) =>
  (await getDocForViewer(actor, { id })).sections.map((s) => (s.extra ? `+${s.title}` : s.title));

async function codeOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : String(error);
}

describe("sections of a doc's own", () => {
  it("are added after a section, renamed, moved and removed by editors, and exported like the others", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { title: "Extras" });
    const before = await titles(actor, doc.id);
    const { key } = await addSection(actor, doc.id, { title: "Rollout plan", after: "architecture" });
    const added = await titles(actor, doc.id);
    expect(added[added.indexOf("Architecture") + 1]).toBe("+Rollout plan");
    expect(added).toHaveLength(before.length + 1);

    await saveSection(actor, doc.id, key, { baseVersion: 1, content: paragraph("Canary first, then 10 %.") });
    await renameSection(actor, doc.id, key, { title: "Rollout" });
    await moveSection(actor, doc.id, key, { direction: "up" });
    const moved = await titles(actor, doc.id);
    expect(moved[moved.indexOf("+Rollout") + 1]).toBe("Architecture");
    expect((await exportDocMarkdown(actor, doc.id)).markdown).toContain("## Rollout\n\nCanary first, then 10 %.");

    await removeSection(actor, doc.id, key);
    expect(await titles(actor, doc.id)).toEqual(before);
    const removed = await db.auditEvent.findFirstOrThrow({ where: { documentId: doc.id, type: "section.removed" } });
    // The removed words are kept in the record of who removed them.
    expect(JSON.stringify(removed.data)).toContain("Canary first");
  });

  it("leave template sections alone: their title and place stay", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    expect(await codeOf(renameSection(actor, doc.id, "architecture", { title: "Boxes" }))).toBe("FORBIDDEN");
    expect(await codeOf(moveSection(actor, doc.id, "architecture", { direction: "up" }))).toBe("FORBIDDEN");
    expect(await codeOf(removeSection(actor, doc.id, "architecture"))).toBe("FORBIDDEN");
    expect(await codeOf(renameSection(actor, doc.id, "nope", { title: "x" }))).toBe("NOT_FOUND");
  });

  it("refuse viewers and strangers, blank titles and moves past the end", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    const { actor: viewer } = await createMember(workspace.id, "VIEWER");
    const { actor: stranger } = await createUser();
    expect(await codeOf(addSection(viewer, doc.id, { title: "x" }))).toBe("FORBIDDEN");
    expect(await codeOf(addSection(stranger, doc.id, { title: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(addSection(actor, doc.id, { title: "   " }))).toBe("INVALID_INPUT");
    const { key } = await addSection(actor, doc.id, { title: "Last" });
    expect(await codeOf(moveSection(actor, doc.id, key, { direction: "down" }))).toBe("CONFLICT");
    expect(await codeOf(moveSection(actor, doc.id, key, { direction: "sideways" }))).toBe("INVALID_INPUT");
  });
});
