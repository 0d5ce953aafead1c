import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** As Auth.js's `session.maxAge` in next-auth.ts. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const expiry = () => new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);

/**
 * A new signed-in session (at sign-in, from Auth.js's jwt callback): its id goes into
 * the cookie as `sid`. The user's sessions that ended more than a day ago are deleted.
 */
export async function startAuthSession(userId: string): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.$transaction([
    db.authSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(Date.now() - 86_400_000) } } }),
    db.authSession.create({ data: { id, userId, expiresAt: expiry() } }),
  ]);
  return id;
}

/**
 * Whether session `sid` is live; when it is and `renew` is set, its expiry moves
 * forward as Auth.js renews the cookie (GET /api/auth/session).
 */
export async function authSessionLive(sid: unknown, renew = false): Promise<boolean> {
  if (typeof sid !== "string" || !sid || sid.length > 64) return false;
  const where = { id: sid, revokedAt: null, expiresAt: { gt: new Date() } };
  if (renew) return (await db.authSession.updateMany({ where, data: { expiresAt: expiry() } })).count > 0;
  return (await db.authSession.count({ where })) > 0;
}

/** Sign-out: this session's cookie stops working at once, wherever a copy of it is. */
export async function revokeAuthSession(sid: string | null | undefined): Promise<void> {
  if (!sid) return;
  await db.authSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** "Sign out everywhere": every session of the user. */
export async function revokeAllAuthSessions(userId: string): Promise<number> {
  const { count } = await db.authSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
