import type { JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { richDoc } from "./fixtures";
import { docToMarkdown, markdownToDoc } from "./markdown";
import { renderDocToHTML } from "./render-html";
import { extractText, parseSectionContent } from "./validate";

function valid(doc: JSONContent): JSONContent {
  const result = parseSectionContent(doc);
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

function collect(node: JSONContent, nodes = new Set<string>(), marks: JSONContent["marks"] = []) {
  if (node.type) nodes.add(node.type);
  marks.push(...(node.marks ?? []));
  for (const child of node.content ?? []) collect(child, nodes, marks);
  return { nodes, marks };
}

const GFM = `### Plan

Some **bold**, *italic*, ~~gone~~ and \`code\` with a [link](https://example.com).

- one
- two
  - nested

3. third
4. fourth

- [x] done
- [ ] todo

> quoted

\`\`\`sql
SELECT 1;
\`\`\`

| Risk | Impact |
|------|:------:|
| Outage | High |

---
`;

describe("docToMarkdown", () => {
  it("writes GitHub-flavoured Markdown for every block a section can hold", () => {
    const md = docToMarkdown(valid(richDoc));
    for (const expected of [
      "### Approach",
      "**per section**",
      "*not*",
      "~~old plan~~",
      "`renderDocToHTML()`",
      "[design notes](https://example.com/notes?a=1&b=2)",
      "> Quoted requirement",
      "- First point",
      "  - Nested point",
      "3. Third step",
      "- [x] Schema drafted",
      "- [ ] Load test",
      "```typescript\nconst ttl: number = 60;",
      "| Risk",
      "\n---\n",
    ]) {
      expect(md).toContain(expected);
    }
  });

  it("round-trips a rich section without losing or changing words (a mention comes back as its @Name)", () => {
    const doc = valid(richDoc);
    const back = valid(markdownToDoc(docToMarkdown(doc)));
    expect(extractText(back)).toBe(extractText(doc));
    // Markdown has no mentions: the export writes "@Raj", which reads back as those words.
    const kinds = [...collect(doc).nodes].filter((type) => type !== "mention").sort();
    expect([...collect(back).nodes].sort()).toEqual(kinds);
  });
});

describe("markdownToDoc", () => {
  it("reads GFM into nodes that pass validation", () => {
    const result = parseSectionContent(markdownToDoc(GFM));
    if (!result.ok) throw new Error(result.message);
    const { nodes, marks } = collect(result.doc);
    for (const type of [
      "heading",
      "bulletList",
      "orderedList",
      "taskList",
      "taskItem",
      "blockquote",
      "codeBlock",
      "table",
      "tableHeader",
      "horizontalRule",
    ]) {
      expect(nodes, type).toContain(type);
    }
    expect(new Set(marks!.map((m) => m.type))).toEqual(new Set(["bold", "italic", "strike", "code", "link"]));
    const code = result.doc.content!.find((n) => n.type === "codeBlock")!;
    expect(code.attrs?.language).toBe("sql");
    expect(result.doc.content!.find((n) => n.type === "orderedList")!.attrs?.start).toBe(3);
  });

  it("turns an empty file into an empty, valid section", () => {
    expect(parseSectionContent(markdownToDoc("")).ok).toBe(true);
  });

  it("never makes raw HTML live: tags with a meaning map to marks, the rest stays text", () => {
    const md =
      "<script>alert(1)</script>\n\n" +
      'Hi <img src=x onerror=alert(1)> and <b>bold</b> and <a href="javascript:alert(1)">x</a>\n';
    const doc = valid(markdownToDoc(md));
    const { nodes, marks } = collect(doc);
    // The <img> is an image block (a placeholder naming "x", never fetched); its onerror is gone.
    expect([...nodes].sort()).toEqual(["doc", "image", "paragraph", "text"]);
    expect(marks!.map((m) => m.type).sort()).toEqual(["bold"]);
    expect(extractText(doc)).toBe("<script>alert(1)</script>\nHi \n and bold and x");
    expect(renderDocToHTML(doc)).not.toMatch(/<(script|img|a)\b|onerror/);
  });

  it("keeps the lines of a multi-line HTML block", () => {
    const doc = valid(markdownToDoc("<div>\n<script>alert(1)</script>\n</div>\n"));
    expect(extractText(doc)).toBe("<div>\n<script>alert(1)</script>\n</div>");
  });

  it("drops links with disallowed schemes but keeps their words", () => {
    const doc = valid(
      markdownToDoc(
        "[a](javascript:alert(1)) [b](data:text/html,x) [c](page.html) [d](/docs/1) ![e](javascript:alert(1))",
      ),
    );
    const hrefs = collect(doc)
      .marks!.filter((m) => m.type === "link")
      .map((m) => m.attrs?.href);
    // "page.html" is a path relative to the imported file: kept, shown as a relative link.
    expect(hrefs).toEqual(["page.html", "/docs/1"]);
    expect(extractText(doc)).toBe("a b c d e");
  });

  describe("where a DOM exists (the browser)", () => {
    afterEach(() => {
      delete (globalThis as { window?: unknown }).window;
    });

    it("still keeps HTML as text instead of handing it to the DOM parser", () => {
      (globalThis as { window?: unknown }).window = {
        DOMParser: class {
          parseFromString(): never {
            throw new Error("HTML reached the DOM parser");
          }
        },
      };
      const doc = valid(markdownToDoc("x <u>under</u>\n\n<div>block</div>\n"));
      expect(collect(doc).marks!.map((m) => m.type)).toEqual(["underline"]);
      expect(extractText(doc)).toBe("x under\n<div>block</div>");
    });
  });

  it("reads a multi-line table cell (<br>) as a line break, not as HTML", () => {
    const doc = valid(markdownToDoc("| A |\n|---|\n| one<br>two |\n"));
    const cell = doc.content![0]!.content![1]!.content![0]!;
    expect(cell.content![0]!.content!.map((n) => n.type)).toEqual(["text", "hardBreak", "text"]);
  });

  it("keeps only a language name from a fence's info string", () => {
    const doc = valid(markdownToDoc('```js title="x" onload=1\nlet a;\n```\n'));
    expect(doc.content![0]!.attrs?.language).toBe("js");
  });
});
