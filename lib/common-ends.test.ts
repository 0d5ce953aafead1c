import { describe, expect, it } from "vitest";
import { commonEnds } from "./common-ends";

const ends = (a: string, b: string) => commonEnds(a.length, b.length, (i, j) => a[i] === b[j]);

describe("commonEnds", () => {
  it("finds the differing middle of two sequences", () => {
    expect(ends("abcXYdef", "abcZdef")).toEqual({ start: 3, endA: 5, endB: 4 });
    expect(ends("same", "same")).toEqual({ start: 4, endA: 4, endB: 4 });
    expect(ends("", "new")).toEqual({ start: 0, endA: 0, endB: 3 });
  });

  it("never counts an item as both start and end (a repeated item inserted)", () => {
    // "aa" → "aaa": two in front are the same, and the back must not claim them again.
    expect(ends("aa", "aaa")).toEqual({ start: 2, endA: 2, endB: 3 });
  });
});
