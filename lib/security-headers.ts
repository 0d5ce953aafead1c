/**
 * Security headers. Every response gets securityHeaders() from next.config.ts; page,
 * API and 404 responses then get a per-request nonce CSP from proxy.ts, which replaces
 * the static one. Shared-link pages add `Referrer-Policy: no-referrer` and
 * `X-Robots-Tag: noindex` (sharedPageHeaders).
 *
 * INVARIANT: production CSP never contains 'unsafe-eval'. Next's dev server needs
 * eval for React's debugging stacks, so it is allowed only when NODE_ENV=development.
 * INVARIANT: with a nonce, scripts run only if they carry it (or were loaded by one that
 * does: 'strict-dynamic'); 'unsafe-inline' is then ignored by browsers, and kept only for
 * the static fallback, which has no nonce to offer.
 */
import { collabPublicUrls } from "./collab/urls";

export function contentSecurityPolicy(
  isDev = process.env.NODE_ENV === "development",
  nonce?: string,
  hostname?: string,
): string {
  const script = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  if (isDev) script.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // Style attributes (Radix positioning, sonner) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    // https: for remote images, which only a workspace that allows them can store (lib/media/remote-images.ts).
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws: wss:" : collabConnectSource(hostname)}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy() },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}

/**
 * On top of securityHeaders() for `/s/*` (listed after it in next.config.ts, so these
 * win): the capability URL must not leak through Referer, and shared docs are never indexed.
 */
export function sharedPageHeaders(): { key: string; value: string }[] {
  return [
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "X-Robots-Tag", value: "noindex, nofollow" },
  ];
}

/**
 * The host name the browser reached the page at, from its Host header (without the port): the page connects to the
 * live channel at that host (components/collab/session.ts), so the CSP must allow that one. Next's own
 * `nextUrl.hostname` said "localhost" for a page opened at 127.0.0.1 or at the machine's address, and the browser
 * then blocked the live channel. Checked again by collabConnectSource before it goes into the policy.
 */
export function pageHostname(hostHeader: string | null, fallback: string): string {
  if (!hostHeader) return fallback;
  return hostHeader.replace(/:\d+$/, "");
}

/**
 * The live co-editing server's WebSocket (lib/collab): COLLAB_PUBLIC_URLS' (or COLLAB_PUBLIC_URL's) origins, or
 * the page's own host at COLLAB_PORT (the host is known per request, in proxy.ts).
 */
export function collabConnectSource(hostname?: string): string {
  if (process.env.COLLAB === "off") return "";
  const publicUrls = collabPublicUrls();
  if (publicUrls.length) return [...new Set(publicUrls.map((u) => ` ${new URL(u).origin}`))].join("");
  if (!hostname || !/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i.test(hostname)) return "";
  const port = Number(process.env.COLLAB_PORT ?? 1234);
  return ` ws://${hostname}:${port} wss://${hostname}:${port}`;
}
