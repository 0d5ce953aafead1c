import "server-only";
import { dbPool, type Prisma, type Tx } from "@/lib/db";

/**
 * The statements of a commit, sent on Prisma's transaction or on a plain pg connection of the same pool. Prisma
 * spends several times pg's CPU on each statement (its query compiler runs per call: bench/pipeline-save.mjs), and
 * a save is CPU-bound under load, so the common save — no effect but the write — runs on plain pg. Statements sent
 * here return only what both drivers read alike: text, int, bool and json (bigint as ::text, times inside json).
 */
export type CommitSql = {
  query<T>(statement: Prisma.Sql): Promise<T[]>;
  /** The Prisma transaction the commit runs in; null on a plain connection (effects that need more than SQL). */
  prisma: Tx | null;
};

export function sqlOnTx(tx: Tx): CommitSql {
  return { prisma: tx, query: <T>(statement: Prisma.Sql) => tx.$queryRaw<T[]>(statement) };
}

/**
 * Thrown (before anything is written) by a commit on a plain connection that turns out to need an effect written
 * with Prisma (audit, stale approvals, anchors, webhooks): the transaction rolls back and the commit runs again
 * in a Prisma transaction, from the start (a save that landed in between makes it a 409, as it would anyway).
 */
export class NeedsPrismaTransaction extends Error {}

/** `fn` in one transaction on a connection of the pool Prisma uses (same limits: DATABASE_POOL_SIZE). */
export async function inPlainTransaction<T>(fn: (sql: CommitSql) => Promise<T>): Promise<T> {
  const client = await dbPool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn({
      prisma: null,
      query: async <R>(statement: Prisma.Sql) => (await client.query(statement.text, statement.values)).rows as R[],
    });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is closed, not handed to the next caller.
    client.release(broken);
  }
}
