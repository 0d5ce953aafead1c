import { Document, Packer } from "docx";
import { describe, expect, it } from "vitest";
import { richDoc } from "@/lib/editor/fixtures";
import { unzip } from "@/lib/testing/unzip";
import { blocks, ORDERED, sectionHeading } from "./blocks";

async function documentXml(children: ReturnType<typeof blocks>): Promise<string> {
  const file = new Document({
    numbering: { config: [{ reference: ORDERED, levels: [{ level: 0, format: "decimal", text: "%1." }] }] },
    sections: [{ children }],
  });
  const files = unzip(await Packer.toBuffer(file));
  return files.get("word/document.xml")!.toString("utf8");
}

describe("Tiptap content as Word", () => {
  it("keeps headings, lists, tables, code, links and images (as links) of a rich section", async () => {
    let lists = 0;
    const ctx = { origin: "https://review.example", nextList: () => ++lists };
    const xml = await documentXml([
      sectionHeading("design-overview", "Design Overview"),
      ...blocks(richDoc.content!, ctx),
    ]);
    // Section heading with a bookmark that in-doc links jump to; the inner heading one level below.
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>.*w:bookmarkStart[^>]*w:name="s_design_overview"/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:bookmarkStart w:name="s_approach".*Approach/);
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="s_approach"/);
    // Marks.
    expect(xml).toMatch(/<w:b\/>.*per section/);
    expect(xml).toMatch(/<w:rFonts w:ascii="Consolas"[^>]*\/>.*renderDocToHTML\(\)/);
    // Lists: bullets (nested one level deeper), numbers, tasks with their boxes.
    expect(xml).toMatch(/<w:ilvl w:val="1"\/>.*Nested point/);
    expect(xml).toContain("Fourth step");
    expect(xml).toContain("☑ ");
    expect(xml).toContain("☐ ");
    // Code keeps its text in a monospaced run.
    expect(xml).toContain("const ttl: number = 60; // &quot;seconds&quot;");
    // A table with a header row and a spanned cell.
    expect(xml).toMatch(/<w:tbl>.*<w:tblHeader\/>.*Risk.*Cache stampede.*<w:gridSpan w:val="2"\/>.*Both columns/);
    // The footnote's text, and its reference as a superscript.
    expect(xml).toContain("Measured in March.");
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/>.*\[1\]/);
  });

  it("links external pages and app images with full addresses", async () => {
    const ctx = { origin: "https://review.example", nextList: () => 1 };
    const doc = new Document({ sections: [{ children: blocks(richDoc.content!, ctx) }] });
    const files = unzip(await Packer.toBuffer(doc));
    const rels = files.get("word/_rels/document.xml.rels")!.toString("utf8");
    expect(rels).toContain('Target="https://example.com/notes?a=1&amp;b=2"');
    expect(rels).toContain('Target="https://review.example/media/ckimage01"');
    expect(files.get("word/document.xml")!.toString("utf8")).toContain("Image: Cache tiers");
  });
});
