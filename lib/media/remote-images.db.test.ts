import { describe, expect, it } from "vitest";
import { saveSection } from "@/lib/docs/save-section";
import { AppError } from "@/lib/errors";
import { createDocFixture, createWorld } from "@/lib/testing/access-matrix";
import { getRemoteImagesSetting, REMOTE_IMAGES_OFF, setRemoteImagesAllowed } from "./remote-images";

const withImage = (src: string, text = "Diagram below") => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text }] },
    { type: "image", attrs: { src, alt: "Context" } },
  ],
});

async function codeOf(run: () => Promise<unknown>) {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

describe("allow remote images", () => {
  it("is off by default and only owners and admins change it", async () => {
    const world = await createWorld();
    expect(await getRemoteImagesSetting(world.wsViewer, world.workspace.id)).toBe(false);
    expect(await codeOf(() => setRemoteImagesAllowed(world.editor, world.workspace.id, true))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(() => setRemoteImagesAllowed(world.stranger, world.workspace.id, true))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(() => setRemoteImagesAllowed(world.owner, world.workspace.id, "yes"))).toMatch(
      /^INVALID_INPUT/,
    );
    await setRemoteImagesAllowed(world.owner, world.workspace.id, true);
    expect(await getRemoteImagesSetting(world.editor, world.workspace.id)).toBe(true);
  });

  it("refuses an edit that adds a remote image while off; one already there stays editable", async () => {
    const world = await createWorld();
    const doc = await createDocFixture(world);
    const remote = "https://images.example.com/context.png";
    expect(
      await codeOf(() =>
        saveSection(world.editor, doc.id, "architecture", { baseVersion: 1, content: withImage(remote) }),
      ),
    ).toBe(`INVALID_INPUT: ${REMOTE_IMAGES_OFF}`);
    // Uploaded images and placeholders of files not uploaded yet are no remote images.
    const local = await saveSection(world.editor, doc.id, "architecture", {
      baseVersion: 1,
      content: withImage("diagrams/context.png"),
    });
    await setRemoteImagesAllowed(world.owner, world.workspace.id, true);
    const on = await saveSection(world.editor, doc.id, "architecture", {
      baseVersion: local.version,
      content: withImage(remote),
    });
    await setRemoteImagesAllowed(world.owner, world.workspace.id, false);
    const edited = await saveSection(world.editor, doc.id, "architecture", {
      baseVersion: on.version,
      content: withImage(remote, "Diagram below, reworded"),
    });
    expect(edited.changed).toBe(true);
  });
});
