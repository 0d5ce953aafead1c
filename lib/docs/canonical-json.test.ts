import { describe, expect, it } from "vitest";
import { docOfSize, richComment, richDoc } from "@/lib/editor/fixtures";
import { canonicalJson } from "./canonical-json";

/** The definition the content hashes were made with (and hash.db.test.ts holds equal to the SQL function). */
function reference(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

describe("canonicalJson", () => {
  it("writes the same text as the sorted-replacer definition, so every stored content hash stays valid", () => {
    const cases: unknown[] = [
      richDoc,
      richComment,
      docOfSize(20_000),
      { type: "doc", content: [{ type: "paragraph", attrs: { z: 1, a: null, m: [3, { y: 1, b: 2 }] } }] },
      { b: 1, "10": 2, "9": 3, a: undefined, f: () => 1, é: "x", Z: "y", "": 0, "01": 4 },
      [undefined, () => 1, NaN, Infinity, -0, 1e21, 'a\u2028b"\\', null, true],
      { when: new Date("2026-12-03T12:00:00Z"), nested: { toJSON: () => ({ y: 1, x: [2] }) } },
      "text",
      42,
      null,
      [],
      {},
    ];
    for (const value of cases) expect(canonicalJson(value)).toBe(reference(value));
  });

  it("is the same for the same document whatever its key order", () => {
    const a = { type: "text", text: "hi", marks: [{ type: "link", attrs: { href: "/x", target: null } }] };
    const b = { marks: [{ attrs: { target: null, href: "/x" }, type: "link" }], text: "hi", type: "text" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });
});
