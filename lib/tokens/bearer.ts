import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Actor } from "@/lib/auth/session-token";
import { sha256Hex } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SCOPE_LABELS, TOKEN_PREFIX, type TokenScope } from "./scopes";
import { toScope, tokenState } from "./tokens";

/** A request authenticated by a personal access token: whose, and what the token may do. */
export type BearerCaller = { actor: Actor; scopes: TokenScope[]; tokenId: string };

/**
 * Set by the route wrapper (lib/http/route.ts) around a JSON route handler called with a valid token, and read by
 * getActor (lib/auth/session.ts). Pages and server actions never run inside it, so a token opens neither.
 */
const bearerStore = new AsyncLocalStorage<BearerCaller>();

export const currentBearerCaller = (): BearerCaller | undefined => bearerStore.getStore();

export function runAsBearer<T>(caller: BearerCaller, fn: () => Promise<T>): Promise<T> {
  return bearerStore.run(caller, fn);
}

/** The token of an `Authorization: Bearer …` header; null when the request carries none (a cookie request). */
export function bearerTokenOf(headers: { get(name: string): string | null }): string | null {
  const value = headers.get("authorization");
  if (!value) return null;
  // "Bearer" with no token (or a broken one) is a failed token, not a cookie request: 401.
  const match = /^\s*bearer(?:\s+(\S*))?\s*$/i.exec(value) ?? /^\s*bearer\b(.*)$/i.exec(value);
  return match ? (match[1] ?? "").trim() : null;
}

const USE_RECORD_MS = 60_000;

const unauthenticated = (why: string) =>
  new AppError("UNAUTHENTICATED", `${why} Create a new token in Settings → API tokens.`);

/**
 * The caller a bearer token stands for, or UNAUTHENTICATED (401) for an unknown, revoked or expired token.
 * Records when and from where it was last used (at most once a minute per address, so a busy script is not a
 * write per request).
 */
export async function authenticateBearer(token: string, address: string): Promise<BearerCaller> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw unauthenticated("This API token is not valid.");
  const row = await db.apiToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  if (!row) throw unauthenticated("This API token is not valid.");
  const state = tokenState(row);
  if (state === "revoked") throw unauthenticated("This API token has been revoked.");
  if (state === "expired") throw unauthenticated("This API token has expired.");
  const now = new Date();
  await db.apiToken.updateMany({
    where: {
      id: row.id,
      OR: [
        { lastUsedAt: null },
        { lastUsedAt: { lt: new Date(now.getTime() - USE_RECORD_MS) } },
        { lastUsedAddress: { not: address } },
        { lastUsedAddress: null },
      ],
    },
    data: { lastUsedAt: now, lastUsedAddress: address },
  });
  return { actor: row.user, scopes: row.scopes.map(toScope), tokenId: row.id };
}

/** FORBIDDEN unless the token has `scope`: the person may be allowed more, the token is not. */
export function assertScope(caller: BearerCaller, scope: TokenScope): void {
  if (caller.scopes.includes(scope)) return;
  throw new AppError(
    "FORBIDDEN",
    `This API token lacks the “${SCOPE_LABELS[scope].label}” scope (${scope}) this request needs. ` +
      `It has: ${caller.scopes.join(", ")}.`,
  );
}
