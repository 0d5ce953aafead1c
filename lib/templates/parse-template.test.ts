import { ARCHITECTURE_SECTION_TITLES } from "@/lib/testing/template-titles";
import type { JSONContent } from "@tiptap/core";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractText, parseSectionContent } from "@/lib/editor/validate";
import { getBuiltInTemplate } from "./built-in";
import { parseTemplate } from "./parse-template";

const template = parseTemplate(readFileSync(path.join(import.meta.dirname, "architecture-design.md"), "utf8"));
const section = (key: string) => template.sections.find((s) => s.key === key)!;

function nodesOf(doc: JSONContent | null, type: string): JSONContent[] {
  if (!doc) return [];
  const own = doc.type === type ? [doc] : [];
  return [...own, ...(doc.content ?? []).flatMap((child) => nodesOf(child, type))];
}

describe("parseTemplate on the architecture design template", () => {
  it("names the template and its purpose without the placeholder", () => {
    expect(template.name).toBe("Architecture Design");
    expect(template.purpose).toBe("Define how this feature will be built.");
  });

  it("yields exactly the 14 sections, in order, with kebab-case keys", () => {
    expect(template.sections.map((s) => s.title)).toEqual(ARCHITECTURE_SECTION_TITLES);
    expect(template.sections.map((s) => s.key).slice(0, 2)).toEqual(["design-overview", "architecture"]);
    expect(section("security-considerations").title).toBe("Security Considerations");
    expect(section("risks-mitigation").title).toBe("Risks & Mitigation");
  });

  it("leaves out the Last Updated / Reviewed By footer and the --- separators", () => {
    const allText = template.sections.map((s) => `${s.title}\n${extractText(s.outline!)}`).join("\n");
    expect(allText).not.toMatch(/Last Updated|Reviewed By/);
    expect(template.sections.flatMap((s) => nodesOf(s.outline, "horizontalRule"))).toEqual([]);
  });

  it("gives every section readable guidance, without brackets", () => {
    for (const s of template.sections) {
      expect(s.guidance.length, s.title).toBeGreaterThan(10);
      expect(s.guidance, s.title).not.toMatch(/[[\]*#]/);
      expect(s.guidance, s.title).toMatch(/^[A-Z].*\.$/);
    }
    expect(section("design-overview").guidance).toBe("High-level approach to solving this.");
    expect(section("security-considerations").guidance).toContain("Authentication: how users are authenticated.");
    expect(section("risks-mitigation").guidance).toBe("List each risk with its impact, probability and mitigation.");
  });

  it("keeps the template's scaffolding as editable content, placeholders included", () => {
    const risks = section("risks-mitigation").outline;
    const [table] = nodesOf(risks, "table");
    expect(table).toBeDefined();
    expect(extractText(table!).split("\n")).toEqual([
      "Risk\tImpact\tProbability\tMitigation",
      "[Risk 1]\tHigh\tMedium\t[How to mitigate]",
      "[Risk 2]\tMedium\tLow\t[How to mitigate]",
    ]);

    expect(extractText(nodesOf(section("design-overview").outline, "orderedList")[0]!)).toBe(
      "[Major decision 1]\n[Major decision 2]",
    );
    expect(extractText(nodesOf(section("architecture").outline, "codeBlock")[0]!)).toContain(
      "User → API → Service → Database",
    );
    expect(nodesOf(section("data-model").outline, "codeBlock")[0]!.attrs?.language).toBe("python");
    expect(nodesOf(section("alternatives-considered").outline, "heading").map((h) => extractText(h))).toEqual([
      "Alternative 1: [Approach]",
      "Alternative 2: [Approach]",
    ]);
  });

  it("produces outlines the section validator accepts as they are", () => {
    for (const s of template.sections) {
      const result = parseSectionContent(s.outline);
      expect(result.ok, s.title).toBe(true);
      if (result.ok) expect(result.doc).toEqual(s.outline);
    }
  });
});

describe("parseTemplate on other shapes", () => {
  it("does not take a '## ' inside a code block for a section", () => {
    const parsed = parseTemplate("# T\n\n## One\n\n```md\n## Not a section\n```\n\n## Two\n\ntext\n");
    expect(parsed.sections.map((s) => s.title)).toEqual(["One", "Two"]);
    expect(extractText(parsed.sections[0]!.outline!)).toBe("## Not a section");
  });

  it("keeps a rule inside a section when text follows it, and gives an empty section no outline", () => {
    const parsed = parseTemplate("# Plan\n\n## Body\n\nbefore\n\n---\n\nafter\n\n## Open Questions\n");
    expect(nodesOf(parsed.sections[0]!.outline, "horizontalRule")).toHaveLength(1);
    expect(extractText(parsed.sections[0]!.outline!)).toBe("before\nafter");
    expect(parsed.sections[1]!.outline).toBeNull();
    expect(parsed.sections[1]!.guidance).toBe("Describe the open questions.");
  });
});

describe("getBuiltInTemplate", () => {
  it("reads the bundled template once", () => {
    expect(getBuiltInTemplate().sections).toHaveLength(14);
    expect(getBuiltInTemplate()).toBe(getBuiltInTemplate());
  });
});
