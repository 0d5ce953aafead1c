import { describe, expect, it } from "vitest";
import { richDoc } from "@/lib/editor/fixtures";
import { docToMarkdownFile } from "./export";
import { arc42Doc } from "./fixtures/arc42";
import { parseMarkdown } from "./parse";
import { buildImportPlan, type ImportPlan } from "./plan";
import { contentToMarkdown } from "./serialize";
import { fixture, stored } from "./test-helpers";

const FOOTER = "**Last Updated:** 2026-12-01 by Ana  \n**Reviewed By:** —";
const template = [
  { key: "design-overview", title: "Design Overview" },
  { key: "risks-mitigation", title: "Risks & Mitigation" },
];

function roundTrip(first: ImportPlan): ImportPlan {
  const sections = first.sections.map((s) => ({
    key: s.key,
    title: s.title,
    content: s.content ? stored(s.content) : { type: "doc", content: [{ type: "paragraph" }] },
  }));
  const md = docToMarkdownFile({ title: first.title ?? "Untitled", sections }, FOOTER);
  return buildImportPlan(parseMarkdown(md), { template });
}

const comparable = (p: ImportPlan) =>
  p.sections.map((s) => ({ key: s.key, title: s.title, extra: s.extra, content: s.content && stored(s.content) }));

describe("export → import", () => {
  it.each(["rfc-style.md", "kep-style.md", "adr-style.md", "hash-sections.md", "proposal-style.md"])(
    "gives the same doc for %s",
    (name) => {
      const first = buildImportPlan(parseMarkdown(fixture(name)), { template, fileTitle: name });
      expect(comparable(roundTrip(first))).toEqual(comparable(first));
    },
  );

  it("gives the same doc for a 150 KB arc42 document", { timeout: 60_000 }, () => {
    const first = buildImportPlan(parseMarkdown(arc42Doc(150)), { template });
    expect(comparable(roundTrip(first))).toEqual(comparable(first));
  });

  it("keeps every node and mark of a rich section (comment anchors aside, mentions as @Name)", () => {
    const content = stored({
      ...richDoc,
      // Markdown tables have no spans; the export writes the cell, not the span.
      content: richDoc.content!.filter((n) => n.type !== "table"),
    });
    const first = {
      title: "T",
      frontMatter: null,
      sections: [{ key: "x", title: "X", extra: true, content, line: 1 }],
    };
    const back = roundTrip(first).sections.find((s) => s.key === "x")!;
    const withoutComments = JSON.parse(
      JSON.stringify(content)
        .replace(/,?\{"type":"comment","attrs":\{"threadId":"thread_1"\}\}/g, "")
        .replace(/"marks":\[\],?/g, "")
        // Markdown has no mentions: "@Raj" comes back as words, joined to the text before it.
        .replace(/"Quoted requirement from "\},\{"type":"mention","attrs":\{[^}]*\}/, '"Quoted requirement from @Raj"'),
    );
    expect(stored(back.content)).toEqual(stored(withoutComments));
  });

  it("escapes text that Markdown would read as syntax", () => {
    const text = "1. not a list * [x] <b>not bold</b> _a_ `b` https://x.io # h &amp; | ~~s~~";
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
    const md = contentToMarkdown(content);
    const back = buildImportPlan(parseMarkdown(`## S\n\n${md}`), { template: [] }).sections[0]!.content;
    expect(stored(back)).toEqual(stored(content));
  });

  it("writes an empty section as the placeholder and reads it back as empty", () => {
    const first = buildImportPlan(parseMarkdown("# T\n\n## Design Overview\n\nx\n"), { template });
    const again = roundTrip(first);
    expect(again.sections.find((s) => s.key === "risks-mitigation")!.content).toBeNull();
  });
});
