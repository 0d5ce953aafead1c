import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request being served, for log lines and metrics (lib/observability/http.ts starts it around Next's handling
 * of every request). Holds ids only: never an email, a token, a cookie or content.
 */
export type RequestContext = { id: string; userId?: string };

const KEY = Symbol.for("design-review.request-context");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
/** One store per process, shared by every bundle Next loads (instrumentation and the app are separate bundles). */
export const requestContext: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage());

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}

/** The signed-in user of this request (lib/auth/session.ts calls it once per request). */
export function noteRequestUser(userId: string | undefined): void {
  const ctx = requestContext.getStore();
  if (ctx && userId) ctx.userId = userId;
}
