/**
 * At most `limit` stores of live docs talk to the database at once; the others wait their turn here.
 *
 * Without it, a process holding 1,000 docs that are typed in started a store per doc a couple of seconds after each
 * edit, all at once: they queued in the pg pool, ran into its 5 s connect timeout, failed, and the sweep handed
 * every one of them back a second later, so nothing was stored and the sign-ins and access checks of new
 * connections timed out too (bench/collab.mjs, 1,000 docs × 2 connections). Waiting here has no timeout, leaves
 * the rest of the pool to connections, and a doc's store still takes its snapshot only when its turn comes.
 */
export function createStoreGate(limit: number): <T>(run: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async <T>(run: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await run();
    } finally {
      release();
    }
  };
}

/** Half the process's database connections (DATABASE_POOL_SIZE, default 10), at least one. */
export function storeConcurrency(poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10)): number {
  return Math.max(1, Math.floor((Number.isFinite(poolSize) ? poolSize : 10) / 2));
}
