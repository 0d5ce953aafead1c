import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { noteRequestUser } from "@/lib/observability/context";
import { currentBearerCaller } from "@/lib/tokens/bearer";
import { auth } from "./next-auth";
import { revokeAllAuthSessions, revokeAuthSession } from "./auth-sessions";
import { actorFromClaims, claimsFromCookies, type Actor, type SessionClaims } from "./session-token";

export type { Actor } from "./session-token";

/**
 * Test-only seam: run `fn` as if `actor` (null = signed out) had signed in, so db
 * tests can call route handlers and server actions directly. The store exists only
 * when NODE_ENV is "test" (vitest sets it); Next inlines NODE_ENV at build time, so
 * in a production or dev build `testActorStore` is null and this code is dead.
 */
const testActorStore = process.env.NODE_ENV === "test" ? new AsyncLocalStorage<{ actor: Actor | null }>() : null;

export function runAsActorForTest<T>(actor: Actor | null, fn: () => Promise<T>): Promise<T> {
  if (!testActorStore) throw new Error('runAsActorForTest is only available when NODE_ENV is "test".');
  return testActorStore.run({ actor }, fn);
}

/**
 * The signed-in user, or null. Read from the database on every request (once,
 * thanks to `cache`), so "sign out everywhere" and deleted accounts take effect
 * on the next request rather than at JWT expiry.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  // A JSON route called with an API token (lib/http/route.ts): the token's owner, whatever cookie came along.
  const bearer = currentBearerCaller();
  if (bearer) {
    noteRequestUser(bearer.actor.id);
    return bearer.actor;
  }
  const testCaller = testActorStore?.getStore();
  if (testCaller) return testCaller.actor;
  const fromCookie = await claimsFromCookies(await cookies());
  const session = fromCookie === undefined ? await sessionFromAuthJs() : fromCookie;
  const actor = session ? await actorFromClaims(session) : null;
  noteRequestUser(actor?.id); // the user id (never the email) on this request's log line
  return actor;
});

async function sessionFromAuthJs(): Promise<SessionClaims | null> {
  const session = await auth();
  return session?.user?.id
    ? { id: session.user.id, sessionVersion: session.sessionVersion, sessionId: session.sid }
    : null;
}

/** For actions and route handlers: throws UNAUTHENTICATED. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return actor;
}

/** For pages: redirects to sign-in and back. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}

/** "Sign out everywhere": every session of the actor ends, this one included. */
export async function revokeAllSessions(actor: Actor): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
  await revokeAllAuthSessions(actor.id);
}

/** Sign-out: the session this request's cookie names ends on the server, so a copy of the cookie is worthless. */
export async function revokeCurrentSession(): Promise<void> {
  const fromCookie = await claimsFromCookies(await cookies());
  const claims = fromCookie === undefined ? await sessionFromAuthJs() : fromCookie;
  await revokeAuthSession(claims?.sessionId);
}
