import { afterEach, describe, expect, it } from "vitest";
import { collabConnectSource, contentSecurityPolicy, pageHostname } from "./security-headers";

describe("the live channel in the CSP follows the host the page was opened at", () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it("takes the Host header's name, without the port", () => {
    expect(pageHostname("127.0.0.1:3000", "localhost")).toBe("127.0.0.1");
    expect(pageHostname("review.example.com", "localhost")).toBe("review.example.com");
    expect(pageHostname("[::1]:3000", "localhost")).toBe("[::1]");
    expect(pageHostname(null, "localhost")).toBe("localhost");
  });

  it("allows the collaboration port on that host, and nothing for a hostile Host header", () => {
    delete process.env.COLLAB_PUBLIC_URL;
    delete process.env.COLLAB_PUBLIC_URLS;
    process.env.COLLAB_PORT = "4321";
    const policy = contentSecurityPolicy(false, "n", pageHostname("127.0.0.1:3000", "localhost"));
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:4321 wss://127.0.0.1:4321;");
    expect(collabConnectSource(pageHostname("evil.example; script-src *:80", "localhost"))).toBe("");
  });
});
