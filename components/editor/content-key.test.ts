import { describe, expect, it } from "vitest";
import { sameContent, stableStringify, toPlainJson } from "./content-key";

describe("stableStringify", () => {
  it("ignores key order, as a jsonb round trip reorders keys", () => {
    const fromEditor = { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Plan" }] };
    const fromJsonb = { attrs: { level: 3 }, content: [{ text: "Plan", type: "text" }], type: "heading" };
    expect(stableStringify(fromEditor)).toBe(stableStringify(fromJsonb));
    expect(sameContent(fromEditor, fromJsonb)).toBe(true);
  });

  it("keeps array order and nulls, which carry meaning", () => {
    expect(sameContent([1, 2], [2, 1])).toBe(false);
    expect(sameContent({ attrs: { language: null } }, { attrs: {} })).toBe(false);
  });

  it("drops undefined members like JSON.stringify does", () => {
    expect(stableStringify({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(stableStringify([undefined])).toBe("[null]");
  });

  it("agrees with JSON.stringify on values without objects", () => {
    for (const value of ["x", 'quote " and \\', 0, -1.5, true, null])
      expect(stableStringify(value)).toBe(JSON.stringify(value));
  });

  it("tells different text apart", () => {
    expect(sameContent({ type: "text", text: "a" }, { type: "text", text: "b" })).toBe(false);
  });
});

describe("toPlainJson", () => {
  it("turns ProseMirror's prototype-less attrs into plain objects a server function accepts", () => {
    const attrs = Object.assign(Object.create(null) as Record<string, unknown>, { level: 3 });
    const copy = toPlainJson({ type: "heading", attrs });
    expect(Object.getPrototypeOf(copy.attrs)).toBe(Object.prototype);
    expect(copy).toEqual({ type: "heading", attrs: { level: 3 } });
  });
});
