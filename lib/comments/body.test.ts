import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { mentionsIn, parseBody, relabelMentions } from "./body";

const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const t = (text: string, marks?: JSONContent["marks"]): JSONContent =>
  marks ? { type: "text", text, marks } : { type: "text", text };
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const mention = (id: string, label: string): JSONContent => ({ type: "mention", attrs: { id, label } });
const refusal = (raw: unknown) => {
  try {
    parseBody(raw);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error("expected a refusal");
};

describe("comment bodies: a small rich-text subset", () => {
  it("accepts bold, italic, code, http(s)/mailto links, both lists and mentions, and lists who is mentioned", () => {
    const body = doc(
      p(
        t("See "),
        t("this", [{ type: "bold" }]),
        t(" and "),
        t("that", [{ type: "italic" }]),
        t(" "),
        t("x()", [{ type: "code" }]),
        t(" "),
        t("spec", [{ type: "link", attrs: { href: "https://example.com" } }]),
        t(" "),
        t("mail", [{ type: "link", attrs: { href: "mailto:a@b.io" } }]),
      ),
      { type: "bulletList", content: [{ type: "listItem", content: [p(t("one"))] }] },
      {
        type: "orderedList",
        content: [{ type: "listItem", content: [p(t("two "), mention("u1", "Ana"), t(" "), mention("u1", "Ana"))] }],
      },
    );
    const parsed = parseBody(body);
    expect(parsed.mentionIds).toEqual(["u1"]);
    expect(parsed.text).toBe("See this and that x() spec mail\none\ntwo @Ana @Ana");
  });

  it.each([
    ["a heading", doc({ type: "heading", attrs: { level: 2 }, content: [t("H")] }), /heading/],
    ["a code block", doc({ type: "codeBlock", content: [t("x")] }), /codeBlock/],
    ["a blockquote", doc({ type: "blockquote", content: [p(t("q"))] }), /blockquote/],
    ["an image", doc(p({ type: "image", attrs: { src: "https://x/y.png" } })), /image/],
    ["a strike mark", doc(p(t("x", [{ type: "strike" }]))), /strike/],
    ["a comment anchor mark", doc(p(t("x", [{ type: "comment", attrs: { threadId: "t1" } }]))), /comment/],
    [
      "a javascript: link",
      doc(p(t("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))),
      /not an allowed link/,
    ],
    ["a data: link", doc(p(t("x", [{ type: "link", attrs: { href: "data:text/html,hi" } }]))), /not an allowed link/],
    ["a mention with markup in its id", doc(p(mention('u1" onmouseover="x', "Ana"))), /"id" of mention/],
    ["more than 10 KB", doc(p(t("é".repeat(6000)))), /larger than the 10 KB limit/],
    ["an empty comment", doc(p(t("   "))), /Write something/],
    ["a string of HTML", "<b>hi</b>", /./],
  ])("refuses %s with a 422 that says why", (_name, raw, message) => {
    const error = refusal(raw);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(message);
  });

  it("rewrites mention labels to the names the server knows", () => {
    const body = doc(p(t("hi "), mention("u1", "Definitely The CEO")));
    const out = relabelMentions(body, new Map([["u1", "Ana Lima"]]));
    expect(mentionsIn(out)).toEqual([{ id: "u1", label: "Ana Lima" }]);
  });
});
