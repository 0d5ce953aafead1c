import { describe, expect, it } from "vitest";
import { arc42Doc } from "./fixtures/arc42";
import { parseMarkdown } from "./parse";
import { buildImportPlan, type PlanOptions } from "./plan";
import { fixture, linksOf, nodesOf, stored, textOf } from "./test-helpers";

const TEMPLATE: PlanOptions["template"] = [
  { key: "design-overview", title: "Design Overview" },
  { key: "architecture", title: "Architecture" },
  { key: "risks-mitigation", title: "Risks & Mitigation" },
  { key: "testing-strategy", title: "Testing Strategy" },
];
const plan = (md: string, fileTitle?: string) =>
  buildImportPlan(parseMarkdown(md), { template: TEMPLATE, fileTitle: fileTitle ?? null });

describe("buildImportPlan", () => {
  it("puts template headings in their sections and other headings in sections of their own, in place", () => {
    const p = plan(
      "# T\n\n## Motivation\n\nm\n\n## Architecture\n\na\n\n## Rollout\n\nr\n\n## Risks & Mitigation\n\nx\n",
    );
    expect(p.title).toBe("T");
    expect(p.sections.map((s) => [s.key, s.extra, s.content ? textOf(s.content) : null])).toEqual([
      ["motivation", true, "m"],
      ["design-overview", false, null],
      ["architecture", false, "a"],
      ["rollout", true, "r"],
      ["risks-mitigation", false, "x"],
      ["testing-strategy", false, null],
    ]);
  });

  it("takes the title from the first #, else front matter, else the file name", () => {
    expect(plan("---\ntitle: FM\n---\n# Heading\n\n## A\n").title).toBe("Heading");
    expect(plan("---\ntitle: FM\n---\n## A\n").title).toBe("FM");
    expect(plan("## A\n").title).toBeNull();
  });

  it("understands docs that use # for every section, titled by front matter", () => {
    const p = plan(fixture("hash-sections.md"));
    expect(p.title).toBe("Payments ledger v2");
    expect(p.frontMatter).toEqual({ title: "Payments ledger v2", authors: ["Dana Kim"], status: "draft" });
    expect(p.sections.filter((s) => s.content).map((s) => s.title)).toEqual([
      "Context",
      "Decision",
      "Consequences",
      "Architecture",
    ]);
    expect(linksOf(p.sections.find((s) => s.key === "decision")!.content!)).toEqual(["#consequences"]);
  });

  it("keeps heading levels inside a section below its title", () => {
    const p = plan(fixture("kep-style.md"));
    const proposal = p.sections.find((s) => s.key === "proposal")!;
    expect(nodesOf(proposal.content!, "heading").map((h) => [h.attrs?.level, h.attrs?.id])).toEqual([
      [3, "user-stories"],
      [4, "story-1"],
      [4, "story-2"],
      [3, "risks-and-mitigations"],
    ]);
  });

  it("keeps a table of contents working: links are retargeted to section keys and heading ids", () => {
    const p = plan(fixture("rfc-style.md"));
    const toc = p.sections[0]!;
    expect(toc.title).toBe("Introduction");
    const keys = new Set(p.sections.map((s) => s.key));
    const ids = new Set(
      p.sections.flatMap((s) => (s.content ? nodesOf(s.content, "heading") : [])).map((h) => h.attrs?.id),
    );
    for (const href of linksOf(toc.content!)) expect(keys.has(href.slice(1)) || ids.has(href.slice(1))).toBe(true);
    // "<a name=invalidation>" gave its heading that id.
    expect(ids.has("invalidation")).toBe(true);
  });

  it("imports every realistic fixture into content the schema accepts", () => {
    for (const name of ["rfc-style.md", "kep-style.md", "adr-style.md", "hash-sections.md", "proposal-style.md"]) {
      const p = plan(fixture(name), name);
      for (const s of p.sections) if (s.content) expect(() => stored(s.content), `${name}: ${s.title}`).not.toThrow();
      const text = p.sections.map((s) => (s.content ? textOf(s.content) : "")).join("\n");
      expect(text, name).not.toMatch(/\[\^|<!--|^title:|^created:/m);
    }
  });

  // Under a minute on a loaded machine (the figure is in bench/markdown-import.mjs, not here).
  it(
    "imports a 150 KB arc42 document: numbered chapters as sections, footnotes numbered once",
    { timeout: 60_000 },
    () => {
      const md = arc42Doc(150);
      expect(md.length).toBeGreaterThan(140 * 1024);
      const p = plan(md);
      expect(p.title).toBe("Order platform architecture");
      expect(p.sections.filter((s) => s.extra).length).toBeGreaterThan(24);
      const labels = p.sections
        .flatMap((s) => (s.content ? nodesOf(s.content, "footnote") : []))
        .map((n) => n.attrs?.label);
      expect(labels).toEqual(labels.map((_, i) => String(i + 1)));
      for (const s of p.sections) if (s.content) stored(s.content);
    },
  );

  it("leaves out the export's footer and placeholders, and keeps the same words elsewhere", () => {
    const p = plan(
      "# T\n\n## Architecture\n\n_Not written yet._\n\n---\n\n" +
        "## Risks & Mitigation\n\n**Last Updated:** is a label we use.\n\n---\n\n" +
        "**Last Updated:** 2026-01-02 by Ana  \n**Reviewed By:** —\n",
    );
    expect(p.sections.find((s) => s.key === "architecture")!.content).toBeNull();
    expect(textOf(p.sections.find((s) => s.key === "risks-mitigation")!.content!)).toBe(
      "Last Updated: is a label we use.",
    );
  });
});
