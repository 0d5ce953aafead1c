import { describe, expect, it } from "vitest";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { markdownToContent } from "./content";
import { linksOf, nodesOf, stored, textOf } from "./test-helpers";

const md = (text: string) => stored(markdownToContent(text));
const marksOf = (text: string, word: string) =>
  nodesOf(md(text), "text")
    .find((n) => n.text === word)
    ?.marks?.map((m) => m.type)
    .sort();

describe("markdownToContent normalises what the schema cannot hold, never refusing it", () => {
  it("keeps code that is link text as linked code", () => {
    expect(marksOf("See [`foo()`](https://x.io/foo).", "foo()")).toEqual(["code", "link"]);
  });

  it("keeps code under bold, italic or strike as code", () => {
    for (const text of ["**`a`**", "*`a`*", "~~`a`~~", "***`a`***"]) expect(marksOf(text, "a")).toEqual(["code"]);
  });

  it("counts emphasis nested in emphasis once", () => {
    const doc = md("*outer _inner_ outer* and **bold **again** bold** and _a *b* c_");
    expect(textOf(doc)).toBe("outer inner outer and bold again bold and a b c");
    expect(marksOf("*outer _inner_ outer*", "outer inner outer")).toEqual(["italic"]);
  });

  it("keeps a wrapped line that starts with a number in its paragraph", () => {
    const doc = md("Step\n2. is the expensive one.\n");
    expect(nodesOf(doc, "orderedList")).toHaveLength(0);
    expect(textOf(doc)).toBe("Step 2. is the expensive one.");
  });

  it('keeps "No. Manual tests…" a paragraph', () => {
    const doc = md("No. Manual tests are not enough.\n");
    expect(doc.content!.map((n) => n.type)).toEqual(["paragraph"]);
  });

  it("makes an image alone in its paragraph an image block; a relative one a placeholder naming the file", () => {
    const local = md('![Cache tiers](./assets/cache-tiers.png "Two tiers")');
    expect(local.content).toEqual([
      {
        type: "image",
        attrs: expect.objectContaining({ src: "./assets/cache-tiers.png", alt: "Cache tiers", caption: "Two tiers" }),
      },
    ]);
    expect(renderDocToHTML(local)).toContain("Image not uploaded yet: cache-tiers.png (Cache tiers)");
    const mixed = md("Before ![a](b.png) after");
    expect(mixed.content!.map((n) => n.type)).toEqual(["paragraph", "image", "paragraph"]);
  });

  it("keeps a web image as a link named by its alt text (remote images are off by default)", () => {
    const web = md("![Cache tiers](https://example.com/tiers.png)");
    expect(linksOf(web)).toEqual(["https://example.com/tiers.png"]);
    expect(textOf(web)).toBe("Cache tiers");
    expect(nodesOf(web, "image")).toEqual([]);
  });

  it("keeps `---` inside a code block", () => {
    const [code] = nodesOf(md("```yaml\na: 1\n---\nb: 2\n```\n"), "codeBlock");
    expect(textOf(code!)).toBe("a: 1\n---\nb: 2");
  });

  it("resolves reference-style links anywhere, ordered and task lists included", () => {
    const doc = md("1. [one][r]\n2. two\n\n- [ ] [task][r]\n- [x] done\n\n[r]: https://example.com/r\n");
    expect(linksOf(doc)).toEqual(["https://example.com/r", "https://example.com/r"]);
    expect(nodesOf(doc, "taskItem").map((n) => n.attrs?.checked)).toEqual([false, true]);
  });

  it("drops HTML comments, maps <br> <sup> <sub> <kbd>, and shows other HTML as text", () => {
    const doc = md(
      "<!-- hidden -->\n\n" +
        "A<!-- x -->B <kbd>Ctrl</kbd> H<sub>2</sub>O 10<sup>6</sup> a<br>b <script>alert(1)</script>\n",
    );
    expect(textOf(doc)).toBe("AB Ctrl H2O 106 a\nb <script>alert(1)</script>");
    expect(marksOf("<kbd>Ctrl</kbd>", "Ctrl")).toEqual(["kbd"]);
    expect(marksOf("H<sub>2</sub>O", "2")).toEqual(["subscript"]);
    expect(marksOf("10<sup>6</sup>", "6")).toEqual(["superscript"]);
    expect(renderDocToHTML(doc)).not.toContain("<script");
  });

  it("makes <details> a collapsible block holding the Markdown between its tags", () => {
    const doc = md(
      "<details>\n<summary>Why not <b>Redis</b>?</summary>\n\nOne *more* store.\n\n- a\n\n</details>\n\nAfter.",
    );
    const [details] = nodesOf(doc, "details");
    expect(textOf(details!.content![0]!)).toBe("Why not Redis?");
    expect(details!.content![1]!.content!.map((n) => n.type)).toEqual(["paragraph", "bulletList"]);
    expect(doc.content!.at(-1)!.type).toBe("paragraph");
  });

  it("turns footnotes into numbered, linked notes at the end", () => {
    const doc = md("A[^x] and B[^1] and A again[^x].\n\n[^1]: One.\n[^x]: Ex, with `code`.\n");
    expect(nodesOf(doc, "footnoteReference").map((n) => n.attrs?.label)).toEqual(["1", "2", "1"]);
    const notes = nodesOf(doc, "footnote");
    expect(notes.map((n) => [n.attrs?.label, textOf(n)])).toEqual([
      ["1", "Ex, with code."],
      ["2", "One."],
    ]);
    expect(renderDocToHTML(doc)).toContain('<a href="#fn-1" id="fnref-1">1</a>');
  });

  it("keeps relative links with their text and target", () => {
    const doc = md("[other](../docs/other.md) and [asset](./a.svg) and [ftp](ftp://x.io/f)");
    expect(linksOf(doc)).toEqual(["../docs/other.md", "./a.svg"]);
    expect(textOf(doc)).toBe("other and asset and ftp");
  });

  it("gives headings GitHub's anchors, so a table of contents keeps working", () => {
    const doc = md("- [Risks](#risks--mitigation)\n\n# Risks & Mitigation\n\n## Goals\n\n## Goals\n");
    expect(nodesOf(doc, "heading").map((h) => [h.attrs?.level, h.attrs?.id])).toEqual([
      [3, "risks--mitigation"],
      [4, "goals"],
      [4, "goals-1"],
    ]);
    expect(linksOf(doc)).toEqual(["#risks--mitigation"]);
  });

  it("reads nothing from front matter into the content", () => {
    expect(textOf(md("---\ntitle: X\nstatus: draft\n---\n\nBody."))).toBe("Body.");
  });
});
