import { describe, expect, it } from "vitest";
import { parseLinkInput } from "./link-input";

describe("parseLinkInput", () => {
  it("accepts the allowed kinds of address as typed", () => {
    for (const href of [
      "https://example.com/a?b=1#c",
      "http://intranet.local/x",
      "mailto:team@example.com",
      "#data-model",
      "/docs/abc",
    ]) {
      expect(parseLinkInput(`  ${href} `)).toEqual({ ok: true, href });
    }
  });

  it("completes a bare host and an email address", () => {
    expect(parseLinkInput("example.com/path")).toEqual({ ok: true, href: "https://example.com/path" });
    expect(parseLinkInput("localhost:3000/docs")).toEqual({ ok: true, href: "https://localhost:3000/docs" });
    expect(parseLinkInput("ada@example.com")).toEqual({ ok: true, href: "mailto:ada@example.com" });
  });

  it("explains why a javascript: link is refused", () => {
    const result = parseLinkInput("javascript:alert(1)");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/“javascript:” links are blocked because they can run code/);
    expect(parseLinkInput("JavaScript:alert(1)").ok).toBe(false);
    expect(!parseLinkInput("data:text/html,hi").ok && "refused").toBe("refused");
  });

  it("refuses other schemes and hidden tricks", () => {
    expect(parseLinkInput("ftp://example.com")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/“ftp:” links are not allowed/),
    });
    expect(parseLinkInput("java script:alert(1)")).toMatchObject({
      ok: false,
      message: "A link address cannot contain spaces.",
    });
    expect(parseLinkInput("//evil.example")).toMatchObject({ ok: false });
    expect(parseLinkInput("notalink")).toMatchObject({ ok: false });
    expect(parseLinkInput("")).toEqual({ ok: false, message: "Enter a link address." });
  });
});
