import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auth } from "./next-auth";

export type Actor = { id: string; name: string; email: string };

/**
 * Test-only seam: run `fn` as if `actor` (null = signed out) had signed in, so db
 * tests can call route handlers and server actions directly. The store exists only
 * when NODE_ENV is "test" (vitest sets it); Next inlines NODE_ENV at build time, so
 * in a production or dev build `testActorStore` is null and this code is dead.
 */
const testActorStore = process.env.NODE_ENV === "test" ? new AsyncLocalStorage<{ actor: Actor | null }>() : null;

export function runAsActorForTest<T>(actor: Actor | null, fn: () => Promise<T>): Promise<T> {
  if (!testActorStore) throw new Error("runAsActorForTest is only available when NODE_ENV is \"test\".");
  return testActorStore.run({ actor }, fn);
}

/**
 * The signed-in user, or null. Read from the database on every request (once,
 * thanks to `cache`), so "sign out everywhere" and deleted accounts take effect
 * on the next request rather than at JWT expiry.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const testCaller = testActorStore?.getStore();
  if (testCaller) return testCaller.actor;
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email };
});

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

/** "Sign out everywhere": every JWT issued before now stops working. */
export async function revokeAllSessions(actor: Actor): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
}
