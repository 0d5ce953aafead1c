import "server-only";
import { decode } from "next-auth/jwt";
import { db, Prisma } from "@/lib/db";

export type Actor = { id: string; name: string; email: string };
/** `sessionId`: the AuthSession row the cookie names (lib/auth/auth-sessions.ts); null in cookies from before it. */
export type SessionClaims = { id: string; sessionVersion: number; sessionId: string | null };

/** What both `cookies()` (pages, actions) and `NextRequest.cookies` (proxy.ts) offer. */
export type CookieJar = { get(name: string): { value: string } | undefined; getAll(): { name: string }[] };

/**
 * The session cookie's claims, decrypted with Auth.js's own `decode` (same secret,
 * the cookie name as salt), and remembered per token until it expires: a token is
 * immutable, so decrypting it again on every request (key derivation + JWE) buys
 * nothing. Validity is still decided per request by the user row (actorFromClaims).
 * `undefined` when the cookie is split into chunks: Auth.js reassembles those.
 */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const decodedTokens = new Map<string, { claims: SessionClaims; exp: number }>();
const MAX_DECODED = 2_000;

export async function claimsFromCookies(jar: CookieJar): Promise<SessionClaims | null | undefined> {
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    let hit = decodedTokens.get(token);
    if (!hit) {
      const payload = await decode({ token, secret: process.env.AUTH_SECRET ?? "", salt: name }).catch(() => null);
      if (!payload?.sub || typeof payload.exp !== "number") return null;
      hit = {
        claims: { id: payload.sub, sessionVersion: payload.sv ?? 0, sessionId: payload.sid ?? null },
        exp: payload.exp,
      };
      if (decodedTokens.size >= MAX_DECODED) decodedTokens.delete(decodedTokens.keys().next().value!);
      decodedTokens.set(token, hit);
    }
    if (hit.exp * 1000 <= Date.now()) {
      decodedTokens.delete(token);
      return null;
    }
    return hit.claims;
  }
  return jar.getAll().some((c) => /session-token\.\d+$/.test(c.name)) ? undefined : null;
}

/**
 * The user the claims name, read on every request with the session the cookie names, so
 * sign-out, "sign out everywhere" and deleted accounts take effect at once rather than at
 * JWT expiry. Raw SQL: this runs on every request, and the typed query costs ~10× the
 * statement itself (bench: Prisma vs raw pg).
 */
export async function actorFromClaims(claims: SessionClaims): Promise<Actor | null> {
  if (!claims.sessionId) return null;
  const [user] = await db.$queryRaw<{ id: string; name: string; email: string; sessionVersion: number }[]>`
    SELECT u.id, u.name, u.email, u."sessionVersion" FROM "User" u ${liveSessionJoin(claims.sessionId)}
    WHERE u.id = ${claims.id}`;
  return sessionHolds(user, claims) ? { id: user!.id, name: user!.name, email: user!.email } : null;
}

/**
 * SQL joining user `u` to the live session `sessionId` (not revoked, not expired): no row, no session.
 * Every reader of the session cookie uses it (here and lib/docs/page-cache.ts).
 */
export function liveSessionJoin(sessionId: string): Prisma.Sql {
  return Prisma.sql`JOIN "AuthSession" s ON s."userId" = u.id AND s.id = ${sessionId}
      AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u."deletedAt" IS NULL`;
}

/** A token names a live session while its user exists and "sign out everywhere" has not moved past it. */
export function sessionHolds(user: { sessionVersion: number } | undefined, claims: SessionClaims): boolean {
  return !!user && user.sessionVersion === claims.sessionVersion;
}
