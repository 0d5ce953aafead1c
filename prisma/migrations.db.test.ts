/**
 * Issue 18: every migration applies with the Prisma CLI (`prisma migrate deploy`, what an operator runs) on an empty
 * database with the same result as the project's runner (scripts/lib/postgres.mjs, what dev, tests and `npm start`
 * use): the same `_prisma_migrations` rows and the same schema (`pg_dump --schema-only`, and a catalog snapshot).
 * It walks prisma/migrations, so a new migration is checked here without anyone adding a line.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FAILED_MIGRATION_REPAIRS,
  ROOT,
  applyMigrations,
  createDatabase,
  dropDatabase,
  migrationDirs,
  withDatabase,
} from "../scripts/lib/postgres.mjs";

const run = promisify(execFile);
const adminUrl = process.env.TEST_ADMIN_URL ?? "";
const prefix =
  (process.env.TEST_TEMPLATE_DB ?? "").replace(/_tmpl$/, "") + `_mig${Math.random().toString(36).slice(2, 6)}`;
const names = { cli: `${prefix}_cli`, runner: `${prefix}_run`, failed: `${prefix}_fail`, unknown: `${prefix}_unk` };
const url = (name: string) => withDatabase(adminUrl, name);

async function query<T extends pg.QueryResultRow>(dbUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** What a later `migrate deploy` or `migrate dev` reads: the applied migrations, by name and checksum. */
async function appliedRows(dbUrl: string) {
  return query(
    dbUrl,
    `SELECT migration_name, checksum, applied_steps_count, logs FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
}

async function pendingFailures(dbUrl: string) {
  return query(
    dbUrl,
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NULL AND rolled_back_at IS NULL`,
  );
}

/** A pg_dump at least as new as the server (pg_dump refuses older servers only), or null. */
async function findPgDump(serverMajor: number): Promise<string | null> {
  const candidates = [process.env.PG_DUMP ?? ""];
  if (existsSync("/usr/lib/postgresql"))
    for (const v of readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)))
      candidates.push(`/usr/lib/postgresql/${v}/bin/pg_dump`);
  candidates.push("pg_dump");
  for (const bin of candidates.filter(Boolean)) {
    try {
      const { stdout } = await run(bin, ["--version"]);
      const major = Number(/(\d+)/.exec(stdout.replace(/^[^)]*\)/, ""))?.[1]);
      if (major >= serverMajor) return bin;
    } catch {
      /* not there */
    }
  }
  return null;
}

let pgDump: string | null = null;

/** `pg_dump --schema-only`, without what differs between any two dumps (comments, the \restrict key). */
async function schemaDump(name: string): Promise<string> {
  if (!pgDump) return "";
  const { stdout } = await run(pgDump, ["--schema-only", "--no-owner", "--no-privileges", url(name)], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout
    .split("\n")
    .filter((line) => !line.startsWith("--") && !/^\\(un)?restrict /.test(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

/** The schema as the catalog describes it: checked even where no matching pg_dump is installed. */
async function catalogSnapshot(name: string) {
  const dbUrl = url(name);
  return {
    columns: await query(
      dbUrl,
      `SELECT table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    ),
    constraints: await query(
      dbUrl,
      `SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' ORDER BY rel, conname`,
    ),
    indexes: await query(
      dbUrl,
      `SELECT i.indexname, i.indexdef, c.reloptions FROM pg_indexes i
         JOIN pg_class c ON c.relname = i.indexname JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE i.schemaname = 'public' AND n.nspname = 'public' ORDER BY i.indexname`,
    ),
    enums: await query(
      dbUrl,
      `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
        ORDER BY t.typname, e.enumsortorder`,
    ),
    functions: await query(
      dbUrl,
      // pg_get_functiondef refuses aggregates (tsvector_concat_agg): those are compared by their signature.
      `SELECT p.proname,
              CASE WHEN p.prokind = 'a' THEN 'aggregate ' || p.oid::regprocedure::text
                   ELSE pg_get_functiondef(p.oid) END AS def
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' ORDER BY p.proname`,
    ),
    triggers: await query(
      dbUrl,
      `SELECT tgname, pg_get_triggerdef(t.oid) AS def FROM pg_trigger t WHERE NOT tgisinternal ORDER BY tgname`,
    ),
  };
}

beforeAll(async () => {
  const rows = await query<{ server_version_num: string }>(adminUrl, "SHOW server_version_num");
  pgDump = await findPgDump(Math.floor(Number(rows[0]?.server_version_num) / 10_000));
  if (!pgDump) console.warn("migrations.db.test: no pg_dump as new as the server; comparing the catalog only");
  for (const name of Object.values(names)) await createDatabase(adminUrl, name);
});

afterAll(async () => {
  for (const name of Object.values(names)) await dropDatabase(adminUrl, name);
});

describe("migrations: Prisma CLI and the project's runner agree", () => {
  it("`prisma migrate deploy` applies every migration to an empty database, like the runner", async () => {
    // The CLI idles ~10 s after its work (a wasm timer, STACK.md): one call for the whole test file.
    const { stdout } = await run(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url(names.cli) },
      timeout: 120_000,
    });
    expect(stdout).toContain("All migrations have been successfully applied.");
    await applyMigrations(url(names.runner));

    const expected = migrationDirs().map((m) => m.name);
    const cliRows = await appliedRows(url(names.cli));
    expect(cliRows.map((r) => r.migration_name)).toEqual(expected);
    expect(await appliedRows(url(names.runner))).toEqual(cliRows);
    expect(await pendingFailures(url(names.cli))).toEqual([]);

    expect(await catalogSnapshot(names.runner)).toEqual(await catalogSnapshot(names.cli));
    const dump = await schemaDump(names.cli);
    if (pgDump) expect(dump).toContain('CREATE TABLE public."Document"');
    expect(await schemaDump(names.runner)).toBe(dump);
  }, 180_000);

  it("a database where `migrate deploy` failed on search_indexes is repaired by the runner, same result", async () => {
    // Recreate what Prisma left before the fix: earlier migrations applied, search_indexes split at every `;` (as
    // adapter-pg did) and applied until the comment's `;` broke it, a failed row recorded.
    const failedUrl = url(names.failed);
    const client = new pg.Client({ connectionString: failedUrl });
    await client.connect();
    try {
      await client.query(`CREATE TABLE "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
      const { createHash, randomUUID } = await import("node:crypto");
      for (const { name, sql } of migrationDirs()) {
        const checksum = createHash("sha256").update(sql).digest("hex");
        if (name !== "20261126060000_search_indexes") {
          await client.query(sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
             VALUES ($1, $2, now(), $3, 1)`,
            [randomUUID(), checksum, name],
          );
          continue;
        }
        let error = "";
        for (const statement of sql.split(";").map((s) => s.trim())) {
          if (!statement) continue;
          try {
            await client.query(statement);
          } catch (e) {
            error = e instanceof Error ? e.message : String(e);
            break;
          }
        }
        expect(error).toMatch(/syntax error/);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
           VALUES ($1, $2, $3, $4, 0)`,
          [randomUUID(), checksum, name, error],
        );
        break;
      }
    } finally {
      await client.end();
    }
    expect(await pendingFailures(failedUrl)).toEqual([{ migration_name: "20261126060000_search_indexes" }]);
    expect(FAILED_MIGRATION_REPAIRS).toHaveProperty("20261126060000_search_indexes");

    await applyMigrations(failedUrl);
    expect(await pendingFailures(failedUrl)).toEqual([]);
    expect(await appliedRows(failedUrl)).toEqual(await appliedRows(url(names.cli)));
    expect(await catalogSnapshot(names.failed)).toEqual(await catalogSnapshot(names.cli));
    expect(await schemaDump(names.failed)).toBe(await schemaDump(names.cli));
  }, 60_000);

  it("the runner refuses a migration that failed earlier and that it does not know how to repair", async () => {
    const unknownUrl = url(names.unknown);
    const last = migrationDirs().at(-1)?.name ?? "";
    await applyMigrations(unknownUrl);
    await query(unknownUrl, `DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [last]);
    await query(
      unknownUrl,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs)
       VALUES (gen_random_uuid()::text, 'x', $1, 'boom')`,
      [last],
    );
    await expect(applyMigrations(unknownUrl)).rejects.toThrow(`Migration ${last} failed in an earlier run`);
  });
});
