import type { JSONContent } from "@tiptap/core";

/** Test data shared by the editor tests: every node and mark the editor can make. */

const t = (text: string, marks?: JSONContent["marks"]): JSONContent =>
  marks ? { type: "text", text, marks } : { type: "text", text };
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const li = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });
const cell = (type: "tableHeader" | "tableCell", text: string, attrs?: Record<string, unknown>): JSONContent => ({
  type,
  ...(attrs ? { attrs } : {}),
  content: [p(t(text))],
});

export const richDoc: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 3, id: "approach" }, content: [t("Approach")] },
    p(
      t("We cache "),
      t("per section", [{ type: "bold" }]),
      t(", "),
      t("not", [{ type: "italic" }]),
      t(" per page; "),
      t("old plan", [{ type: "strike" }]),
      t(" "),
      t("must", [{ type: "underline" }]),
      t(" read "),
      t("renderDocToHTML()", [{ type: "code" }]),
      t(" and the "),
      t("design notes", [{ type: "link", attrs: { href: "https://example.com/notes?a=1&b=2" } }]),
      t("."),
      { type: "hardBreak" },
      t("Reviewers flagged ", []),
      t("this sentence", [{ type: "comment", attrs: { threadId: "thread_1" } }]),
      t(". Press "),
      t("Ctrl", [{ type: "kbd" }]),
      t(" for H"),
      t("2", [{ type: "subscript" }]),
      t("O at 10"),
      t("6", [{ type: "superscript" }]),
      t(" rps"),
      { type: "footnoteReference", attrs: { label: "1" } },
      t(", see "),
      t("the ADR", [{ type: "link", attrs: { href: "./adr/0002-cache.md" } }]),
      t(" and "),
      t("approach", [{ type: "link", attrs: { href: "#approach" } }]),
      t("."),
    ),
    {
      type: "details",
      content: [
        { type: "detailsSummary", content: [t("Alternatives considered")] },
        { type: "detailsContent", content: [p(t("A CDN in front of every page."))] },
      ],
    },
    {
      type: "blockquote",
      content: [p(t("Quoted requirement from "), { type: "mention", attrs: { id: "user_7", label: "Raj" } })],
    },
    {
      type: "bulletList",
      content: [
        li(p(t("First point"))),
        li(p(t("Second point")), { type: "bulletList", content: [li(p(t("Nested point")))] }),
      ],
    },
    { type: "orderedList", attrs: { start: 3 }, content: [li(p(t("Third step"))), li(p(t("Fourth step")))] },
    {
      type: "taskList",
      content: [
        { type: "taskItem", attrs: { checked: true }, content: [p(t("Schema drafted"))] },
        { type: "taskItem", attrs: { checked: false }, content: [p(t("Load test"))] },
      ],
    },
    { type: "codeBlock", attrs: { language: "typescript" }, content: [t('const ttl: number = 60; // "seconds"')] },
    { type: "horizontalRule" },
    {
      type: "image",
      attrs: {
        src: "/media/ckimage01",
        alt: "Cache tiers",
        caption: "Figure 1: cache tiers",
        width: 1200,
        height: 600,
        size: "large",
      },
    },
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [cell("tableHeader", "Risk"), cell("tableHeader", "Impact", { align: "center" })],
        },
        {
          type: "tableRow",
          content: [cell("tableCell", "Cache stampede"), cell("tableCell", "High", { align: "center" })],
        },
        { type: "tableRow", content: [cell("tableCell", "Both columns", { colspan: 2 })] },
      ],
    },
    {
      type: "footnotes",
      content: [{ type: "footnote", attrs: { label: "1" }, content: [p(t("Measured in March."))] }],
    },
  ],
};

export const richComment: JSONContent = {
  type: "doc",
  content: [
    p(
      { type: "mention", attrs: { id: "user_42", label: "Ana" } },
      t(" please check "),
      t("this", [{ type: "bold" }, { type: "italic" }]),
      t(" and "),
      t("the spec", [{ type: "link", attrs: { href: "mailto:ana@example.com" } }]),
      { type: "hardBreak" },
      t("inline", [{ type: "code" }]),
    ),
    { type: "bulletList", content: [li(p(t("one")))] },
    { type: "orderedList", content: [li(p(t("two")))] },
  ],
};

/** A paragraph of n characters of plain text, for size limits. */
export function docOfSize(chars: number): JSONContent {
  return { type: "doc", content: [p(t("x".repeat(chars)))] };
}

export function nestedBlockquotes(depth: number): JSONContent {
  let node: JSONContent = p(t("deep"));
  for (let i = 0; i < depth; i++) node = { type: "blockquote", content: [node] };
  return { type: "doc", content: [node] };
}
