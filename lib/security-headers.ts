/**
 * Headers sent on every response (next.config.ts). Shared-link pages add
 * `Referrer-Policy: no-referrer` and `X-Robots-Tag: noindex` on top of these.
 *
 * INVARIANT: production CSP never contains 'unsafe-eval'. Next's dev server needs
 * eval for React's debugging stacks, so it is allowed only when NODE_ENV=development.
 */
export function contentSecurityPolicy(isDev = process.env.NODE_ENV === "development"): string {
  const script = ["'self'", "'unsafe-inline'", ...(isDev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
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
