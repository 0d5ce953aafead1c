import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffWords, hasChanges, type DiffPart } from "@/lib/editor/word-diff";

const side = (parts: DiffPart[], kind: "added" | "removed") =>
  parts
    .filter((p) => p.kind === "same" || p.kind === kind)
    .map((p) => p.text)
    .join("");

describe("diffWords", () => {
  it("finds nothing between equal texts", () => {
    expect(diffWords("the cache is per section", "the cache is per section")).toEqual([
      { kind: "same", text: "the cache is per section" },
    ]);
    expect(hasChanges(diffWords("a b", "a b"))).toBe(false);
  });

  it("marks a replaced word", () => {
    expect(diffWords("cache per page", "cache per section")).toEqual([
      { kind: "same", text: "cache per " },
      { kind: "removed", text: "page" },
      { kind: "added", text: "section" },
    ]);
  });

  it("marks inserted and deleted words in the middle", () => {
    expect(diffWords("we use Redis for sessions", "we use Postgres and Redis for sessions")).toEqual([
      { kind: "same", text: "we use " },
      { kind: "added", text: "Postgres and " },
      { kind: "same", text: "Redis for sessions" },
    ]);
    expect(diffWords("one two three", "one three")).toEqual([
      { kind: "same", text: "one " },
      { kind: "removed", text: "two " },
      { kind: "same", text: "three" },
    ]);
  });

  it("handles empty sides", () => {
    expect(diffWords("", "new text")).toEqual([{ kind: "added", text: "new text" }]);
    expect(diffWords("old text", "")).toEqual([{ kind: "removed", text: "old text" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("keeps line breaks, so the diff reads like the section", () => {
    const parts = diffWords("Risks\nCache stampede", "Risks\nCache stampede\nHot keys");
    expect(parts).toEqual([
      { kind: "same", text: "Risks\nCache stampede" },
      { kind: "added", text: "\nHot keys" },
    ]);
  });

  it("falls back to a whole replacement when the texts are too large to compare word by word", () => {
    const parts = diffWords("a b c", "x b y", 4);
    expect(parts).toEqual([
      { kind: "removed", text: "a b c" },
      { kind: "added", text: "x b y" },
    ]);
  });

  it("always rebuilds both texts", () => {
    const word = fc.constantFrom("alpha", "beta", "gamma", "delta", " ", "\n", "  ", "x");
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(""));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(side(parts, "removed")).toBe(before);
        expect(side(parts, "added")).toBe(after);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
      }),
    );
  });
});
