import { describe, expect, it } from "vitest";
import { circularDeepEqual } from "./plain-equal";

// The toolbar re-renders when its selected state changes and only then (useEditorState's default equalityFn).
describe("circularDeepEqual (the browser's fast-equals)", () => {
  it("equal toolbar states by value: no re-render", () => {
    const a = { bold: true, level: 3, link: { href: "https://x.test", target: null }, marks: ["bold", "code"] };
    const b = { bold: true, level: 3, link: { href: "https://x.test", target: null }, marks: ["bold", "code"] };
    expect(circularDeepEqual(a, b)).toBe(true);
    expect(circularDeepEqual(NaN, NaN)).toBe(true);
  });

  it("any change is a change: the toolbar re-renders", () => {
    const base = { bold: true, link: { href: "https://x.test" }, marks: ["bold"] };
    expect(circularDeepEqual(base, { ...base, bold: false })).toBe(false);
    expect(circularDeepEqual(base, { ...base, link: { href: "https://y.test" } })).toBe(false);
    expect(circularDeepEqual(base, { ...base, marks: ["bold", "code"] })).toBe(false);
    expect(circularDeepEqual(base, { ...base, extra: undefined })).toBe(false);
    expect(circularDeepEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(circularDeepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(circularDeepEqual(null, {})).toBe(false);
  });

  it("other objects are equal only to themselves (never a stale answer)", () => {
    const date = new Date(0);
    expect(circularDeepEqual(date, date)).toBe(true);
    expect(circularDeepEqual(new Date(0), new Date(0))).toBe(false);
    expect(circularDeepEqual(new Map(), new Map())).toBe(false);
  });

  it("circular data ends", () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    const b: Record<string, unknown> = { n: 1 };
    b.self = b;
    expect(circularDeepEqual(a, b)).toBe(true);
    b.n = 2;
    expect(circularDeepEqual(a, b)).toBe(false);
  });
});
