import { describe, expect, it } from "vitest";
import { richDoc } from "./fixtures";
import { emptyDoc, extractText, isEmptyDoc } from "./text";

describe("extractText", () => {
  it("gives one line per block, cells tab-separated, marks ignored", () => {
    const lines = extractText(richDoc).split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "Approach",
      "We cache per section, not per page; old plan must read renderDocToHTML() and the design notes.",
      "Reviewers flagged this sentence. Press Ctrl for H2O at 106 rps[1], see the ADR and approach.",
    ]);
    expect(lines).toContain("Alternatives considered");
    expect(lines).toContain("A CDN in front of every page.");
    expect(lines).toContain("Measured in March.");
    expect(lines).toContain("Risk\tImpact");
    expect(lines).toContain('const ttl: number = 60; // "seconds"');
  });

  it("leaves blank paragraphs out", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "a" }] },
        { type: "paragraph" },
        { type: "paragraph", content: [{ type: "text", text: "b" }] },
      ],
    };
    expect(extractText(doc)).toBe("a\nb");
  });
});

describe("isEmptyDoc", () => {
  it("treats a new section and whitespace-only paragraphs as empty", () => {
    expect(isEmptyDoc(emptyDoc())).toBe(true);
    expect(isEmptyDoc({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "  " }] }] })).toBe(
      true,
    );
  });

  it("treats any real block as content", () => {
    expect(isEmptyDoc(richDoc)).toBe(false);
    expect(isEmptyDoc({ type: "doc", content: [{ type: "horizontalRule" }] })).toBe(false);
  });
});
