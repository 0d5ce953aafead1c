import { describe, expect, it } from "vitest";
import { looksLikeMarkdown, MARKDOWN_PASTE_MAX } from "./markdown-paste";

describe("looksLikeMarkdown", () => {
  it("recognises headings, lists, fences, tables, quotes, links and bold", () => {
    for (const text of [
      "# Title\n\nBody",
      "- one\n- two",
      "1. first\n2. second",
      "```ts\nconst a = 1;\n```",
      "| a | b |\n|---|---|\n| 1 | 2 |",
      "> quoted",
      "See [the RFC](https://example.com/rfc).",
      "This is **important**.",
    ])
      expect(looksLikeMarkdown(text), text).toBe(true);
  });

  it("leaves plain prose and oversized pastes alone", () => {
    expect(looksLikeMarkdown("Just a sentence, with a - dash and 3 items.")).toBe(false);
    expect(looksLikeMarkdown("")).toBe(false);
    expect(looksLikeMarkdown(`# big\n${"x".repeat(MARKDOWN_PASTE_MAX)}`)).toBe(false);
  });
});
