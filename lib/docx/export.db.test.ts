import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { saveSection } from "@/lib/docs/save-section";
import { makeWebp } from "@/lib/media/fixtures";
import { uploadDocImage } from "@/lib/media/upload";
import { unzip } from "@/lib/testing/unzip";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { createTestImage } from "@/prisma/factories-media";
import { exportDocDocx } from "./export";
import { COLUMN_PX } from "./image-blocks";

const t = (text: string) => ({ type: "text", text });
const p = (text: string) => ({ type: "paragraph", content: [t(text)] });
const li = (text: string) => ({ type: "listItem", content: [p(text)] });
const EMU_PER_PX = 9525;

/** The paragraph (<w:p>…</w:p>) holding `text`. */
function paragraphWith(xml: string, text: string): string {
  const found = xml.split("</w:p>").find((part) => part.includes(`>${text}<`));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
}

/** The number a list paragraph's list starts at, read from numbering.xml as Word reads it. */
function listStart(files: Map<string, Buffer>, paragraph: string): { start: number; format: string } {
  const numId = /<w:numId w:val="(\d+)"\/>/.exec(paragraph)?.[1];
  const numbering = files.get("word/numbering.xml")!.toString("utf8");
  const num = new RegExp(`<w:num w:numId="${numId}"[^>]*>(.*?)</w:num>`).exec(numbering)?.[1] ?? "";
  const abstractId = /<w:abstractNumId w:val="(\d+)"\/>/.exec(num)?.[1];
  const abstract =
    new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>(.*?)</w:abstractNum>`).exec(numbering)?.[1] ??
    "";
  const level0 = /<w:lvl w:ilvl="0"[^>]*>(.*?)<\/w:lvl>/.exec(abstract)?.[1] ?? "";
  const override = /<w:lvlOverride w:ilvl="0">\s*<w:startOverride w:val="(\d+)"\/>/.exec(num)?.[1];
  return {
    start: Number(override ?? /<w:start w:val="(\d+)"\/>/.exec(level0)?.[1] ?? 1),
    format: /<w:numFmt w:val="([a-zA-Z]+)"\/>/.exec(level0)?.[1] ?? "",
  };
}

describe("Word export (issue 16)", () => {
  it("embeds the doc's images (WebP as PNG) at their size presets, with alt text and caption", async () => {
    const owner = await createUser();
    const viewer = await createMember(owner.workspace.id, "VIEWER", "Vera Viewer");
    const world = { owner: owner.actor, viewer: viewer.actor, workspace: owner.workspace };
    const doc = await createTestDoc(world.owner, world.workspace.id, { title: "Pictures" });
    const png = await createTestImage(world.owner, doc.id, { width: 400, height: 200, fileName: "context.png" });
    const webp = await uploadDocImage(world.owner, doc.id, { bytes: await makeWebp(90, 60), fileName: "flow.webp" });
    await saveSection(world.owner, doc.id, "architecture", {
      baseVersion: 1,
      content: {
        type: "doc",
        content: [
          { type: "image", attrs: { src: png.src, alt: "Context diagram", caption: "Figure 1: context" } },
          { type: "image", attrs: { src: webp.src, alt: "Request flow", size: "medium" } },
          { type: "image", attrs: { src: "diagrams/missing.png", alt: "Missing" } },
        ],
      },
    });

    const { bytes } = await exportDocDocx(world.viewer, doc.id, { baseUrl: "https://review.example" });
    const files = unzip(bytes);
    const media = [...files.keys()].filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(2);
    for (const name of media) {
      expect(name).toMatch(/\.png$/);
      expect((await sharp(files.get(name)!).metadata()).format).toBe("png");
    }
    const xml = files.get("word/document.xml")!.toString("utf8");
    // Own width (400 px) for the first, half the column for the "medium" one; height keeps the ratio.
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [
      Number(m[1]) / EMU_PER_PX,
      Number(m[2]) / EMU_PER_PX,
    ]);
    expect(extents).toEqual([
      [400, 200],
      [COLUMN_PX / 2, COLUMN_PX / 3],
    ]);
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Context diagram"[^>]*title="Figure 1: context"/);
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Request flow"/);
    expect(paragraphWith(xml, "Figure 1: context")).toContain("<w:i/>");
    // An image not uploaded yet names the file it wants; no link to an app URL is left for the embedded ones.
    expect(xml).toContain("Image not uploaded yet: missing.png (Missing)");
    expect(files.get("word/_rels/document.xml.rels")!.toString("utf8")).not.toContain("/media/");
  });

  it("embeds only images the reader may see: another workspace's image pasted in stays a link", async () => {
    const mine = await createUser();
    const other = await createUser();
    const world = { owner: mine.actor, workspace: mine.workspace };
    const secret = await createTestDoc(other.actor, other.workspace.id, { title: "Secret" });
    const foreign = await createTestImage(other.actor, secret.id);
    const doc = await createTestDoc(world.owner, world.workspace.id, { title: "Mine" });
    await saveSection(world.owner, doc.id, "architecture", {
      baseVersion: 1,
      content: { type: "doc", content: [{ type: "image", attrs: { src: foreign.src, alt: "Pasted" } }] },
    });
    const files = unzip((await exportDocDocx(world.owner, doc.id, { baseUrl: "https://review.example" })).bytes);
    expect([...files.keys()].some((name) => name.startsWith("word/media/"))).toBe(false);
    expect(files.get("word/document.xml")!.toString("utf8")).toContain("Image: Pasted");
  });

  it("keeps where each numbered list starts, and its letters or numerals", async () => {
    const { actor, workspace } = await createUser();
    const world = { owner: actor, workspace };
    const doc = await createTestDoc(world.owner, world.workspace.id, { title: "Steps" });
    await saveSection(world.owner, doc.id, "architecture", {
      baseVersion: 1,
      content: {
        type: "doc",
        content: [
          { type: "orderedList", content: [li("First step"), li("Second step")] },
          p("An aside between the steps."),
          { type: "orderedList", attrs: { start: 3 }, content: [li("Third step"), li("Fourth step")] },
          { type: "orderedList", attrs: { start: 1 }, content: [li("Again from one")] },
          { type: "orderedList", attrs: { start: 4, type: "a" }, content: [li("Option d")] },
        ],
      },
    });
    const files = unzip((await exportDocDocx(world.owner, doc.id, { baseUrl: "https://review.example" })).bytes);
    const xml = files.get("word/document.xml")!.toString("utf8");
    expect(listStart(files, paragraphWith(xml, "First step"))).toEqual({ start: 1, format: "decimal" });
    expect(listStart(files, paragraphWith(xml, "Third step"))).toEqual({ start: 3, format: "decimal" });
    expect(listStart(files, paragraphWith(xml, "Again from one"))).toEqual({ start: 1, format: "decimal" });
    expect(listStart(files, paragraphWith(xml, "Option d"))).toEqual({ start: 4, format: "lowerLetter" });
    // One list's items share a list; the next list is another one (it does not number on).
    const numIdOf = (text: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(xml, text))?.[1];
    expect(numIdOf("Fourth step")).toBe(numIdOf("Third step"));
    expect(numIdOf("Again from one")).not.toBe(numIdOf("First step"));
  });
});
