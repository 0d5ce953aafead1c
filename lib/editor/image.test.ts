import type { JSONContent } from "@tiptap/core";
import { Node, type DOMOutputSpec } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { getDocSchema } from "./extensions";
import { imageSrcKind, missingFileName } from "./image-src";
import { docToMarkdown, markdownToDoc } from "./markdown";
import { renderDocToHTML } from "./render-html";
import { extractText } from "./text";
import { parseSectionContent } from "./validate";

const imageDoc = (attrs: Record<string, unknown>): JSONContent => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Before" }] },
    { type: "image", attrs },
  ],
});

function stored(attrs: Record<string, unknown>): JSONContent {
  const result = parseSectionContent(imageDoc(attrs));
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

describe("image src policy", () => {
  it.each([
    ["/media/ckv9x0abc123", "uploaded"],
    ["https://example.com/diagram.png", "remote"],
    ["diagrams/context.png", "missing"],
    ["./img/flow chart.png", "missing"],
    ["../assets/a.gif", "missing"],
    ["/docs/img/a.png", "missing"],
  ])("%s is %s", (src, kind) => expect(imageSrcKind(src)).toBe(kind));

  it.each([
    "javascript:alert(1)",
    "data:image/png;base64,AAAA",
    "blob:https://example.com/1",
    "http://example.com/a.png",
    "//evil.example/a.png",
    "/\\evil.example/a.png",
    "/media/../api/docs",
    "/media/a/b",
    " /media/abc",
    "java\tscript:alert(1)",
    "https://user@evil.example/a.png",
    "",
  ])("%j is refused", (src) => expect(imageSrcKind(src)).toBeNull());

  it("names a missing file the way a person recognises it", () => {
    expect(missingFileName("docs/img/flow%20chart.png?raw=1")).toBe("flow chart.png");
    expect(missingFileName("C:\\shots\\a.png")).toBe("a.png");
  });
});

describe("image node validation", () => {
  it("stores an uploaded image with its caption, alt text, size and preset", () => {
    const doc = stored({
      src: "/media/abc123",
      alt: "Context diagram",
      caption: "Figure 1",
      width: 1600,
      height: 900,
      size: "medium",
    });
    expect(doc.content![1]).toEqual({
      type: "image",
      attrs: {
        src: "/media/abc123",
        alt: "Context diagram",
        caption: "Figure 1",
        width: 1600,
        height: 900,
        size: "medium",
      },
    });
  });

  it.each([
    [{ src: "javascript:alert(1)" }, /not an allowed image address/],
    [{ src: "/media/abc", size: "huge" }, /size/],
    [{ src: "/media/abc", width: -5 }, /width/],
    [{ src: "/media/abc", alt: "x".repeat(1001) }, /alt/],
    [{ src: "/media/abc", onerror: "alert(1)" }, /Unknown attribute "onerror"/],
    [{ alt: "no src" }, /An image needs a src/],
  ])("refuses %j", (attrs, message) => {
    const result = parseSectionContent(imageDoc(attrs));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it("puts the caption in the section's searchable text", () => {
    expect(extractText(stored({ src: "/media/a1", caption: "Request flow" }))).toBe("Before\nRequest flow");
  });
});

function specToHTML(spec: DOMOutputSpec): string {
  if (typeof spec === "string")
    return (spec as string).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const [tag, ...rest] = spec as [string, ...unknown[]];
  const attrs =
    rest[0] && typeof rest[0] === "object" && !Array.isArray(rest[0]) ? (rest.shift() as Record<string, string>) : {};
  const attrText = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"`)
    .join("");
  const body = rest.map((child) => specToHTML(child as DOMOutputSpec)).join("");
  return tag === "img" ? `<img${attrText}>` : `<${tag}${attrText}>${body}</${tag}>`;
}

describe("image rendering", () => {
  const cases = {
    uploaded: {
      src: "/media/abc123",
      alt: "Context",
      caption: "Figure 1 <b>",
      width: 1600,
      height: 900,
      size: "large",
    },
    remote: { src: "https://example.com/a.png", alt: null, caption: null, width: null, height: null, size: null },
    missing: { src: "img/flow.png", alt: "Flow", caption: "Order flow", width: null, height: null, size: null },
  };

  it.each(Object.entries(cases))("prints the editor's markup for an %s image", (_kind, attrs) => {
    const doc = stored(attrs);
    const node = Node.fromJSON(getDocSchema(), doc).child(1);
    expect(renderDocToHTML({ type: "doc", content: [doc.content![1]!] })).toBe(specToHTML(node.type.spec.toDOM!(node)));
  });

  it("gives uploaded images their size and lazy loading, so nothing shifts", () => {
    expect(renderDocToHTML(stored(cases.uploaded))).toContain(
      '<figure data-type="image" class="doc-image" data-size="large">' +
        '<img src="/media/abc123" alt="Context" width="1600" ' +
        'height="900" loading="lazy" decoding="async"><figcaption>Figure 1 &lt;b&gt;</figcaption></figure>',
    );
  });

  it("sends no referrer to a remote image's site", () => {
    expect(renderDocToHTML(stored(cases.remote))).toContain('referrerpolicy="no-referrer"');
  });

  it("shows a placeholder naming a file not uploaded yet, and never fetches it", () => {
    const html = renderDocToHTML(stored(cases.missing));
    expect(html).not.toContain("<img");
    expect(html).toContain('data-src="img/flow.png"');
    expect(html).toContain("Image not uploaded yet: flow.png (Flow)");
  });
});

describe("image Markdown", () => {
  it("exports an image as Markdown with its caption as the title", () => {
    const md = docToMarkdown(stored({ src: "/media/abc123", alt: "A [b]", caption: 'Say "hi"' }));
    expect(md).toContain('![A \\[b\\]](/media/abc123 "Say \\"hi\\"")');
  });

  it("wraps a path with spaces in angle brackets", () => {
    expect(docToMarkdown(stored({ src: "img/flow chart.png" }))).toContain("![](<img/flow chart.png>)");
  });
});

describe("image Markdown import", () => {
  const md = (text: string) => {
    const result = parseSectionContent(markdownToDoc(text));
    if (!result.ok) throw new Error(result.message);
    return result.doc.content!;
  };

  it("lifts an image out of its paragraph, keeping the words around it in order", () => {
    expect(md('See ![Flow](img/flow.png "Order flow") below.')).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "See " }] },
      {
        type: "image",
        attrs: { src: "img/flow.png", alt: "Flow", caption: "Order flow", width: null, height: null, size: null },
      },
      { type: "paragraph", content: [{ type: "text", text: " below." }] },
    ]);
  });

  it("keeps an image the schema cannot hold as its words (linked when it is a web address)", () => {
    expect(md("![plain http](http://example.com/a.png) ![inline](data:image/png;base64,AA)")).toEqual([
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: "plain http",
            marks: [{ type: "link", attrs: expect.objectContaining({ href: "http://example.com/a.png" }) }],
          },
          { type: "text", text: " inline" },
        ],
      },
    ]);
  });
});
