import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-redirect";

describe("safeReturnPath", () => {
  it("keeps paths on this site, query and fragment included", () => {
    expect(safeReturnPath("/docs/abc")).toBe("/docs/abc");
    expect(safeReturnPath("/w/acme?q=a%20b#top")).toBe("/w/acme?q=a%20b#top");
    expect(safeReturnPath("/invite/tok_123")).toBe("/invite/tok_123");
  });

  // The assessment's payloads (callbackUrl=/%09/evil.example/ arrives decoded) and their relatives: every one is
  // another site once a browser has cleaned it up.
  it.each([
    "/\t/evil.example/",
    "/\t\\evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "\u0000//evil.example",
    "//evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example/x",
    "",
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value)).toBeNull();
  });

  it("never throws on control characters, lone surrogates or non-strings, and encodes what it keeps", () => {
    for (const value of ["/\u0000", "/a\u0007b", "/\ud800x", "/\u202e", "/%00", null, 42, { toString: 1 }]) {
      expect(() => safeReturnPath(value)).not.toThrow();
    }
    expect(safeReturnPath("/a\u0007b")).toBe("/a%07b");
    expect(safeReturnPath("/a\tb")).toBe("/ab");
    expect(safeReturnPath("x".repeat(2001))).toBeNull();
  });
});
