import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { addCommentMark, markedThreads, withoutCommentMarks } from "./anchors";

const t = (text: string, marks?: JSONContent["marks"]): JSONContent =>
  marks ? { type: "text", text, marks } : { type: "text", text };
const doc: JSONContent = {
  type: "doc",
  content: [
    { type: "paragraph", content: [t("Cache "), t("per section", [{ type: "bold" }]), t(" for a minute.")] },
    { type: "paragraph", content: [t("Then expire.")] },
  ],
};
// What Range.toString() gives over the rendered section: the text nodes, no separators.
const flat = "Cache per section for a minute.Then expire.";

describe("text anchors", () => {
  it("mark the words at the offset, across formatting and paragraphs, keeping other marks", () => {
    const quote = "section for a minute.Then";
    const marked = addCommentMark(doc, "t1", { offset: flat.indexOf(quote), quote })!;
    expect(markedThreads(marked)).toEqual(new Map([["t1", "section for a minute.Then"]]));
    const bold = marked.content![0]!.content!.find((n) => n.text === "section")!;
    expect(bold.marks!.map((m) => m.type)).toEqual(["bold", "comment"]);
  });

  it("find the words elsewhere when they moved, only if they occur once", () => {
    expect(markedThreads(addCommentMark(doc, "t1", { offset: 999, quote: "expire" })!).get("t1")).toBe("expire");
    const twice: JSONContent = { type: "doc", content: [{ type: "paragraph", content: [t("a b a")] }] };
    expect(addCommentMark(twice, "t1", { offset: 1, quote: "a" })).toBeNull();
    expect(addCommentMark(doc, "t1", { offset: 0, quote: "not there" })).toBeNull();
    expect(addCommentMark(doc, "t1", { offset: 0, quote: "   " })).toBeNull();
  });

  it("let two threads cover the same words", () => {
    const once = addCommentMark(doc, "t1", { offset: 0, quote: "Cache" })!;
    const twice = addCommentMark(once, "t2", { offset: 0, quote: "Cache" })!;
    expect([...markedThreads(twice).keys()]).toEqual(["t1", "t2"]);
  });

  it("are not part of what reviewers sign off", () => {
    const marked = addCommentMark(doc, "t1", { offset: 0, quote: "Cache per" })!;
    expect(withoutCommentMarks(marked)).toEqual(withoutCommentMarks(doc));
    expect(JSON.stringify(withoutCommentMarks(marked))).not.toContain("comment");
  });
});
