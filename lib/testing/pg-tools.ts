import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";

export const run = promisify(execFile);

/** The server's major version (15, 17, …). */
export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * A PostgreSQL client program (pg_dump, pg_restore) at least as new as the server — they refuse newer servers —
 * from PG_BIN, Debian's /usr/lib/postgresql/<v>/bin or PATH; null when there is none.
 */
export async function findPgTool(name: "pg_dump" | "pg_restore", major: number): Promise<string | null> {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(`${process.env.PG_BIN}/${name}`);
  if (existsSync("/usr/lib/postgresql"))
    for (const v of readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)))
      candidates.push(`/usr/lib/postgresql/${v}/bin/${name}`);
  candidates.push(name);
  for (const bin of candidates) {
    try {
      const { stdout } = await run(bin, ["--version"]);
      const version = Number(/\)\s*(\d+)/.exec(stdout)?.[1] ?? /(\d+)/.exec(stdout)?.[1]);
      if (version >= major) return bin;
    } catch {
      /* not there */
    }
  }
  return null;
}
