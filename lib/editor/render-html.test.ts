import type { JSONContent } from "@tiptap/core";
import { Node, type DOMOutputSpec, type Mark } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { getDocSchema } from "./extensions";
import { highlightRanges } from "./lowlight";
import { richComment, richDoc } from "./fixtures";
import { renderDocToHTML } from "./render-html";
import { parseSectionContent } from "./validate";

const para = (...content: JSONContent[]): JSONContent => ({ type: "doc", content: [{ type: "paragraph", content }] });

function validated(doc: JSONContent): JSONContent {
  const result = parseSectionContent(doc);
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

describe("renderDocToHTML on hostile content", () => {
  it("prints markup in text as visible characters", () => {
    const html = renderDocToHTML(
      para({ type: "text", text: '<script>alert(1)</script><img src=x onerror="alert(1)">' }),
    );
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(1)"&gt;</p>');
  });

  // Stored data is validated, but the renderer must hold on its own (old rows, a missed path).
  it("escapes attribute values so they cannot open new attributes", () => {
    const doc: JSONContent = {
      type: "doc",
      content: [
        para(
          {
            type: "text",
            text: "a",
            marks: [{ type: "link", attrs: { href: 'https://x.io/"onmouseover="alert(1)', title: '"><script>' } }],
          },
          { type: "text", text: "b", marks: [{ type: "comment", attrs: { threadId: 'x" onclick="alert(1)' } }] },
        ).content![0]!,
        {
          type: "codeBlock",
          attrs: { language: 'x" onload="alert(1)' },
          content: [{ type: "text", text: "</code><script>alert(1)</script>" }],
        },
      ],
    };
    const html = renderDocToHTML(doc);
    expect(html).not.toMatch(/<script|"\s*on\w+="/i);
    expect(html).toContain('href="https://x.io/&quot;onmouseover=&quot;alert(1)"');
    expect(html).toContain('data-comment-thread="x&quot; onclick=&quot;alert(1)"');
    expect(html).toContain("&lt;/code&gt;&lt;script&gt;");
  });

  it.each(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", " javascript:alert(1)"])(
    "drops a %j link but keeps its words",
    (href) => {
      const html = renderDocToHTML(
        para({ type: "text", text: "click me", marks: [{ type: "link", attrs: { href } }] }),
      );
      expect(html).toBe("<p>click me</p>");
    },
  );

  it("prints only the children of a node type it does not know", () => {
    const html = renderDocToHTML({
      type: "doc",
      content: [{ type: "iframe", content: [{ type: "paragraph", content: [{ type: "text", text: "inside" }] }] }],
    });
    expect(html).toBe("<p>inside</p>");
  });
});

describe("renderDocToHTML output", () => {
  const html = renderDocToHTML(validated(richDoc));

  it("renders tables like the editor's table view: wrapper, colgroup, th/td with spans and alignment", () => {
    expect(html).toContain(
      '<div class="tableWrapper"><table style="min-width: 50px"><colgroup>' +
        '<col style="min-width: 25px"><col style="min-width: 25px"></colgroup><tbody>',
    );
    expect(html).toContain('<tr><th><p>Risk</p></th><th style="text-align: center"><p>Impact</p></th></tr>');
    expect(html).toContain('<tr><td colspan="2"><p>Both columns</p></td></tr></tbody></table></div>');
  });

  it("renders code blocks already highlighted", () => {
    expect(html).toContain(
      '<pre><code class="language-typescript"><span class="hljs-keyword">const</span> ' +
        '<span class="hljs-attr">ttl</span>: <span class="hljs-built_in">number</span> = ' +
        '<span class="hljs-number">60</span>; <span class="hljs-comment">// "seconds"</span></code></pre>',
    );
  });

  it("shows a language without a grammar (kotlin) as plain text, as the editor does, never a guessed one", () => {
    const source = 'fun main() { val ttl: Int = 60 // "seconds"\n}';
    const code = { type: "codeBlock", attrs: { language: "kotlin" }, content: [{ type: "text", text: source }] };
    expect(renderDocToHTML(validated({ type: "doc", content: [code] }))).toBe(
      '<pre><code class="language-kotlin">fun main() { val ttl: Int = 60 // "seconds"\n}</code></pre>',
    );
    // The editor's highlighter (components/editor/code-highlight.ts): no colours either.
    expect(highlightRanges("kotlin", source)).toEqual([]);
  });

  it("colours a code block in the editor with the classes of the server's spans", () => {
    const source = 'const ttl: number = 60; // "seconds"';
    const runs = highlightRanges("typescript", source).map((r) => [source.slice(r.from, r.to), r.className]);
    expect(runs).toEqual([
      ["const", "hljs-keyword"],
      ["ttl", "hljs-attr"],
      ["number", "hljs-built_in"],
      ["60", "hljs-number"],
      ['// "seconds"', "hljs-comment"],
    ]);
  });

  it("renders task lists with read-only checkboxes that show their state", () => {
    expect(html).toContain(
      '<ul data-type="taskList"><li data-type="taskItem" data-checked="true"><label contenteditable="false">' +
        '<input type="checkbox" checked disabled aria-label="Done"><span></span></label>' +
        "<div><p>Schema drafted</p></div></li>",
    );
    expect(html).toContain(
      '<li data-type="taskItem" data-checked="false"><label contenteditable="false">' +
        '<input type="checkbox" disabled aria-label="Not done">',
    );
  });

  it("renders links that open safely, and comment anchors", () => {
    expect(html).toContain(
      '<a target="_blank" rel="noopener noreferrer nofollow" ' +
        'href="https://example.com/notes?a=1&amp;b=2">design notes</a>',
    );
    expect(html).toContain('<span data-comment-thread="thread_1" class="comment-anchor">this sentence</span>');
  });

  it("keeps one link element around a link whose words change formatting", () => {
    const link = { type: "link", attrs: { href: "https://a.io" } };
    const out = renderDocToHTML(
      validated(
        para(
          { type: "text", text: "bold", marks: [link, { type: "bold" }] },
          { type: "text", text: " plain", marks: [link] },
        ),
      ),
    );
    expect(out).toBe(
      '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://a.io">' +
        "<strong>bold</strong> plain</a></p>",
    );
  });

  it("renders mentions in comments as the mention extension does", () => {
    expect(renderDocToHTML(richComment)).toContain(
      '<p><span class="mention" data-type="mention" data-id="user_42" data-label="Ana" ' +
        'data-mention-suggestion-char="@">@Ana</span> please check <strong><em>this</em></strong>',
    );
  });

  it("keeps in-page links in the tab and shows relative links as what they are, going nowhere", () => {
    expect(html).toContain('<a href="#approach">approach</a>');
    expect(html).toContain(
      '<span class="relative-link" title="Relative link in the imported file: ./adr/0002-cache.md">the ADR</span>',
    );
    expect(html).toContain('<h3 id="approach">Approach</h3>');
  });

  it("renders collapsible blocks and numbered footnotes that link both ways", () => {
    expect(html).toContain(
      '<details class="details"><summary class="details-summary">Alternatives considered</summary>' +
        '<div class="details-content"><p>A CDN in front of every page.</p></div></details>',
    );
    expect(html).toContain('<sup data-footnote="1" class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>');
    expect(html).toContain(
      '<ol class="footnotes"><li data-footnote="1" id="fn-1"><p>Measured in March.</p>' +
        '<a href="#fnref-1" class="footnote-backref" aria-label="Back to reference 1">↩</a></li></ol>',
    );
  });

  it("gives a heading without a stored id its text's anchor", () => {
    const out = renderDocToHTML({
      type: "doc",
      content: [{ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Risks & Rollout" }] }],
    });
    expect(out).toBe('<h3 id="risks--rollout">Risks &amp; Rollout</h3>');
  });

  it("keeps empty lines visible, as the editor does", () => {
    expect(renderDocToHTML({ type: "doc", content: [{ type: "paragraph" }] })).toBe(
      '<p><br class="ProseMirror-trailingBreak"></p>',
    );
  });
});

/** The editor's own static markup (each node's toDOM), for nodes without a node view. */
function specToHTML(spec: DOMOutputSpec, inner: string): string {
  if (typeof spec === "string") return spec;
  if (!Array.isArray(spec)) throw new Error("unexpected DOM spec");
  const [tag, ...rest] = spec as [string, ...unknown[]];
  const attrs =
    rest[0] && typeof rest[0] === "object" && !Array.isArray(rest[0]) ? (rest.shift() as Record<string, unknown>) : {};
  const attrText = Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`)
    .join("");
  const body = rest.map((child) => (child === 0 ? inner : specToHTML(child as DOMOutputSpec, inner))).join("");
  return ["hr", "br"].includes(tag) ? `<${tag}${attrText}>` : `<${tag}${attrText}>${body}</${tag}>`;
}

function editorHTML(node: Node): string {
  if (node.isText)
    return node.marks.reduceRight(
      (inner, mark: Mark) => specToHTML(mark.type.spec.toDOM!(mark, true), inner),
      node.text!.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    );
  let inner = "";
  node.forEach((child) => (inner += editorHTML(child)));
  return node.type.name === "doc" ? inner : specToHTML(node.type.spec.toDOM!(node), inner);
}

/** In-page and relative links render differently on purpose (below); everything else as the editor does. */
function withoutPageLinks(node: JSONContent): JSONContent {
  const marks = node.marks?.filter((m) => m.type !== "link" || /^https?:|^mailto:/.test(String(m.attrs?.href)));
  return { ...node, marks: node.marks && marks, content: node.content?.map(withoutPageLinks) };
}

describe("renderDocToHTML matches the editor's markup", () => {
  it("for headings, paragraphs, marks, lists, quotes and rules", () => {
    const blocks = richDoc
      .content!.filter((n) =>
        ["heading", "paragraph", "blockquote", "bulletList", "orderedList", "horizontalRule"].includes(n.type!),
      )
      .map(withoutPageLinks);
    const doc = validated({ type: "doc", content: blocks });
    const expected = editorHTML(Node.fromJSON(getDocSchema(), doc));
    expect(expected).toContain('<ol start="3">');
    expect(renderDocToHTML(doc)).toBe(expected);
  });
});
