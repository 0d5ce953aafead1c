import { describe, expect, it } from "vitest";
import { isSafeHref } from "./links";

describe("isSafeHref", () => {
  it.each(["https://example.com", "HTTP://EXAMPLE.COM/a", "mailto:a@b.co", "#section-2", "/docs/1?x=y"])(
    "allows %s",
    (href) => {
      expect(isSafeHref(href)).toBe(true);
    },
  );

  it.each([
    "javascript:alert(1)",
    "\u0000javascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "https:",
    "https:/\u200bevil",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "example.com",
    "//evil.example",
    "",
    "https://a.io/" + "x".repeat(3000),
  ])("refuses %j", (href) => {
    expect(isSafeHref(href)).toBe(false);
  });
});
