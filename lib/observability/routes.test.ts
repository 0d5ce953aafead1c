import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./http";
import { compileRoutes, routeOf } from "./routes";

const routes = compileRoutes([
  "/",
  "/s/[token]",
  "/s/[token]/media/[imageId]",
  "/docs/[slug]",
  "/api/docs",
  "/api/docs/import",
  "/api/docs/[id]",
  "/api/docs/[id]/sections/[key]",
  "/api/auth/[...nextauth]",
  "/robots.txt",
]);

describe("route patterns for logs and metrics", () => {
  it("names a request by its pattern, never by its token, slug or query", () => {
    expect(routeOf(routes, "/s/3q2pQW-secret-token_xyz")).toBe("/s/[token]");
    expect(routeOf(routes, "/s/tok/media/img1")).toBe("/s/[token]/media/[imageId]");
    expect(routeOf(routes, "/docs/acquisition-plan-ab3cd")).toBe("/docs/[slug]");
    expect(routeOf(routes, "/api/docs/import")).toBe("/api/docs/import");
    expect(routeOf(routes, "/api/docs/c123")).toBe("/api/docs/[id]");
    expect(routeOf(routes, "/api/docs/c123/sections/design-overview")).toBe("/api/docs/[id]/sections/[key]");
    expect(routeOf(routes, "/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf(routes, "/")).toBe("/");
    expect(routeOf(routes, "/robots.txt")).toBe("/robots.txt");
    expect(routeOf(routes, "/_next/static/chunks/a.js")).toBe("/_next");
    expect(routeOf(routes, "/wp-admin/secret")).toBe("other");
  });

  it("keeps a plain request id from a proxy and replaces anything else", () => {
    expect(requestIdFrom("abc-123_DEF.456")).toBe("abc-123_DEF.456");
    for (const bad of [undefined, "short", "has space in it", "x".repeat(65), "<script>alert(1)</script>"])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{16}$/);
  });
});
