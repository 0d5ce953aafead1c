import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom } from "./client-address";
import { installForwardedHeaders, rewriteForwardedHeaders } from "./forwarded-headers";

describe("clientAddressFrom", () => {
  it("with no trusted proxy: the socket's peer, whatever X-Forwarded-For says", () => {
    expect(clientAddressFrom("::ffff:198.51.100.7", "1.2.3.4", 0)).toBe("198.51.100.7");
    expect(clientAddressFrom("2001:db8::1", undefined, 0)).toBe("2001:db8::1");
  });

  it("behind N trusted proxies: the Nth entry from the right, never what the client wrote further left", () => {
    // client wrote "6.6.6.6"; the proxy appended the peer it saw (203.0.113.9); the socket is the proxy itself.
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddressFrom("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    // Fewer entries than proxies: the leftmost is the best there is.
    expect(clientAddressFrom("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("cuts anything that is not an address to a harmless key", () => {
    expect(clientAddressFrom("10.0.0.2", "<script>alert(1)</script>", 1)).toBe("invalid");
    expect(clientAddressFrom(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("rewriteForwardedHeaders behind a trusted proxy", () => {
  it("keeps the host and scheme the nearest proxy set, not what the client put before them", () => {
    const req = {
      socket: { remoteAddress: "10.0.0.2" },
      headers: {
        "x-forwarded-for": "6.6.6.6, 203.0.113.9",
        "x-forwarded-host": "evil.example, review.example.com",
        "x-forwarded-proto": "https",
      } as IncomingHttpHeaders,
    };
    rewriteForwardedHeaders(req as unknown as http.IncomingMessage, 1);
    expect(req.headers).toMatchObject({
      [CLIENT_ADDRESS_HEADER]: "203.0.113.9",
      "x-forwarded-host": "review.example.com",
      "x-forwarded-proto": "https",
    });
  });
});

/** A real HTTP server in this process, with the hook installed as lib/boot.ts installs it at boot. */
describe("installForwardedHeaders on a real HTTP server", () => {
  let seen: IncomingHttpHeaders = {};
  const server = http.createServer((req, res) => {
    seen = req.headers;
    res.end("ok");
  });
  let base = "";
  beforeAll(async () => {
    installForwardedHeaders(0);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("records the socket's address and drops every X-Forwarded-* header a client sent", async () => {
    await fetch(base, {
      headers: {
        "x-forwarded-for": "6.6.6.6",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        forwarded: "for=6.6.6.6;host=evil.example",
        [CLIENT_ADDRESS_HEADER]: "6.6.6.6",
      },
    });
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect([seen["x-forwarded-for"], seen["x-forwarded-host"], seen["x-forwarded-proto"], seen.forwarded]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("is installed once however often boot runs", async () => {
    installForwardedHeaders(0);
    installForwardedHeaders(3);
    await fetch(base, { headers: { "x-forwarded-for": "6.6.6.6, 7.7.7.7, 8.8.8.8" } });
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
  });
});
