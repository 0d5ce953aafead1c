/**
 * API token scopes, shared by the settings form, lib/tokens and the route wrapper; zod-free (client-safe).
 * Each JSON route needs exactly one scope (lib/http/route.ts): reads need `read`, writes `write`, the review
 * conversation (review requests, verdicts, comments) `review`, and sharing and workspace administration `admin`.
 * Scopes do not imply each other: a token may do what its scopes name and nothing else.
 */
export const TOKEN_SCOPES = ["read", "write", "review", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const SCOPE_LABELS: Record<TokenScope, { label: string; help: string }> = {
  read: { label: "Read docs", help: "List and read docs, sections, reviews, comments and sign-off records." },
  write: { label: "Write docs", help: "Create and import docs, save sections, upload images." },
  review: { label: "Review", help: "Request reviews, give verdicts, comment and resolve threads." },
  admin: { label: "Admin", help: "Share links and workspace integrations such as webhooks." },
};

export const TOKEN_EXPIRY_CHOICES = [7, 30, 90, 180, 365] as const;
export const DEFAULT_TOKEN_EXPIRY_DAYS = 90;
export const MAX_TOKEN_EXPIRY_DAYS = 365;
export const MAX_ACTIVE_TOKENS = 50;
/** Every token starts with this, so secret scanners (and people) recognise one. */
export const TOKEN_PREFIX = "drt_";

/** The scope a route needs when it says nothing: reads `read`, everything else `write`. */
export function defaultScope(method: string): TokenScope {
  return ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase()) ? "read" : "write";
}
