import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Fixed-window counters in Postgres, so every app instance sees the same counts.
 * `limit` failures within `windowSeconds` block further attempts until the window ends.
 */
export type Limit = { key: string; limit: number; windowSeconds: number };

export async function getRetryAfterSeconds(limits: Limit[]): Promise<number> {
  const rows = await db.rateLimitBucket.findMany({
    where: { key: { in: limits.map((l) => l.key) }, resetAt: { gt: new Date() } },
  });
  let retry = 0;
  for (const row of rows) {
    const limit = limits.find((l) => l.key === row.key);
    if (limit && row.hits >= limit.limit)
      retry = Math.max(retry, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000));
  }
  return retry;
}

/** Throw RATE_LIMITED (with the wait) when any limit is used up. */
export async function assertNotRateLimited(limits: Limit[], message: string): Promise<void> {
  const retryAfterSeconds = await getRetryAfterSeconds(limits);
  if (retryAfterSeconds > 0) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new AppError("RATE_LIMITED", `${message} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
      retryAfterSeconds,
    });
  }
}

/** Count one failure against each limit (atomic per key). */
export async function recordHit(limits: Limit[]): Promise<void> {
  for (const { key, windowSeconds } of limits) {
    await db.$executeRaw`
      INSERT INTO "RateLimitBucket" ("key", "hits", "resetAt")
      VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
      ON CONFLICT ("key") DO UPDATE SET
        "hits" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN 1 ELSE "RateLimitBucket"."hits" + 1 END,
        "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= now()
          THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimitBucket"."resetAt" END`;
  }
}

export async function clearHits(keys: string[]): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: { in: keys } } });
}
