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
export function contentSecurityPolicy(isDev = process.env.NODE_ENV === "development", nonce?: string): string {
  const script = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  if (isDev) script.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // Style attributes (Radix positioning, sonner) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
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
