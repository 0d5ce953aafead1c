/**
 * A fingerprint of everything the app stores, to show that a rejected request
 * changed nothing: per table, the row count and the row versions, read through a
 * plain pg connection (not the Prisma client under test).
 */
import pg from "pg";

/**
 * Tables a rejected request may legitimately change: failed sign-ins and password
 * guesses are counted there on purpose (that is the brute-force limit).
 */
const EXPECTED_TO_CHANGE = new Set(["RateLimitBucket", "_prisma_migrations"]);

export type StoredState = Record<string, string>;

export async function openStateReader(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const tables = (
    await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).rows
    .map((r) => r.table_name)
    .filter((t) => !EXPECTED_TO_CHANGE.has(t));
  const sql = tables
    // Row count and the sum of row versions' xmin: an insert or delete changes the count, any
    // update (even to equal values) gives the row a new xmin. Cheap enough to read after every payload.
    .map(
      (t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text AS h FROM "${t}"`,
    )
    .join(" UNION ALL ");
  return {
    tables,
    async read(): Promise<StoredState> {
      const { rows } = await client.query<{ t: string; h: string }>(sql);
      return Object.fromEntries(rows.map((r) => [r.t, r.h]));
    },
    close: () => client.end(),
  };
}

/** Tables whose fingerprint differs, for a readable failure. */
export function changedTables(before: StoredState, after: StoredState): string[] {
  return Object.keys(before).filter((t) => before[t] !== after[t]);
}
