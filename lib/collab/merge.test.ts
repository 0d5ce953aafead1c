import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { normalise } from "./ydoc";
import { mergeSectionContent } from "./merge";

const p = (...content: (string | JSONContent)[]): JSONContent => ({
  type: "paragraph",
  content: content.map((c) => (typeof c === "string" ? { type: "text", text: c } : c)),
});
const doc = (...blocks: JSONContent[]): JSONContent => normalise({ type: "doc", content: blocks });
const list = (...items: string[]): JSONContent => ({
  type: "bulletList",
  content: items.map((text) => ({ type: "listItem", content: [p(text)] })),
});
/** Each block's text, one string per top-level block (a list's items joined by " | "). */
function texts(node: JSONContent): string[] {
  const text = (n: JSONContent): string =>
    n.type === "text" ? (n.text ?? "") : (n.content ?? []).map(text).join(n.type === "bulletList" ? " | " : "");
  return (node.content ?? []).map(text);
}

describe("mergeSectionContent: a write from outside the live doc, merged with typing not stored yet", () => {
  it("keeps both people's words typed at the end of the same paragraph", () => {
    const base = doc(p("A-first."));
    const ours = doc(p("A-first. A-during."));
    const theirs = doc(p("A-first. B-fallback."));
    expect(texts(mergeSectionContent(base, ours, theirs))).toEqual(["A-first. A-during. B-fallback."]);
  });

  it("takes the outside write as it is when the live doc holds nothing unstored", () => {
    const base = doc(p("one"), p("two"));
    const theirs = doc(p("one"), p("two, revised by the API"), p("three"));
    expect(mergeSectionContent(base, base, theirs)).toEqual(theirs);
  });

  it("keeps edits to different paragraphs from both sides", () => {
    const base = doc(p("Context"), p("Goals"), p("Non-goals"));
    const ours = doc(p("Context, typed live"), p("Goals"), p("Non-goals"));
    const theirs = doc(p("Context"), p("Goals"), p("Non-goals, imported"), p("Appendix"));
    expect(texts(mergeSectionContent(base, ours, theirs))).toEqual([
      "Context, typed live",
      "Goals",
      "Non-goals, imported",
      "Appendix",
    ]);
  });

  it("applies a deletion from outside, and keeps a paragraph deleted outside that was edited live", () => {
    const base = doc(p("keep"), p("drop me"), p("edited live"));
    const ours = doc(p("keep"), p("drop me"), p("edited live, and more"));
    const theirs = doc(p("keep"));
    expect(texts(mergeSectionContent(base, ours, theirs))).toEqual(["keep", "edited live, and more"]);
  });

  it("keeps a comment mark added outside on words of a paragraph someone is typing in", () => {
    const mark = [{ type: "comment", attrs: { threadId: "t1" } }];
    const base = doc(p("The cache is warmed at start."));
    const ours = doc(p("The cache is warmed at start. It holds a day."));
    const theirs = doc(p("The ", { type: "text", text: "cache", marks: mark }, " is warmed at start."));
    const merged = mergeSectionContent(base, ours, theirs);
    expect(texts(merged)).toEqual(["The cache is warmed at start. It holds a day."]);
    expect(merged.content?.[0]?.content?.[1]).toMatchObject({ text: "cache", marks: [{ type: "comment" }] });
  });

  it("merges inside list items: an item edited live and one added outside", () => {
    const base = doc(list("alpha", "beta"));
    const ours = doc(list("alpha, live", "beta"));
    const theirs = doc(list("alpha", "beta", "gamma"));
    expect(texts(mergeSectionContent(base, ours, theirs))).toEqual(["alpha, live | beta | gamma"]);
  });

  it("keeps both versions of a block changed into different kinds of node, and the result fits the schema", () => {
    const base = doc(p("Title"), p("body"));
    const ours = doc({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] }, p("body"));
    const theirs = doc(p("Title, renamed"), p("body"));
    const merged = mergeSectionContent(base, ours, theirs);
    expect(texts(merged)).toEqual(["Title", "Title, renamed", "body"]);
    expect(merged.content?.[0]?.type).toBe("heading");
    expect(() => normalise(merged)).not.toThrow();
  });
});
