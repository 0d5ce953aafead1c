// The databases and browser a test run uses. Every run gets databases of its own
// (`dr_t<run>_*`), cloned from a migrated template, and drops them at the end;
// the developer's own database (DATABASE_URL) is never touched.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import {
  ROOT,
  applyMigrations,
  createDatabase,
  dropDatabase,
  freePort,
  startEmbeddedPostgres,
  withClient,
  withDatabase,
} from "./postgres.mjs";

export async function startTestDatabaseServer() {
  if (process.env.DATABASE_URL) {
    return { adminUrl: process.env.DATABASE_URL, stop: async () => {}, where: "the server in DATABASE_URL" };
  }
  // A cluster of this run's own (initdb takes about a second), so concurrent runs never share a data folder.
  const dataDir = path.join(ROOT, ".data", `test-postgres-${process.pid}`);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, port, durable: false });
  const stop = async () => {
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { adminUrl: pg.url, stop, where: `embedded PostgreSQL on port ${port}` };
}

export function newRunId() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Tests never need a commit to survive a crash of PostgreSQL: a test database does not wait for its WAL to reach
 * the disk (synchronous_commit = off), which on the CI machine's server costs ~7 ms per commit. Benches keep the
 * server's durable settings (they do not call this).
 */
export async function skipCommitFlush(adminUrl, name) {
  await withClient(adminUrl, (c) =>
    c.query(`ALTER DATABASE "${name.replaceAll('"', '""')}" SET synchronous_commit = off`),
  );
}

/** Create and migrate the run's template database; returns its name. */
export async function createTemplateDatabase(adminUrl, runId, { durable = true } = {}) {
  const name = `dr_t${runId}_tmpl`;
  await createDatabase(adminUrl, name);
  if (!durable) await skipCommitFlush(adminUrl, name);
  await applyMigrations(withDatabase(adminUrl, name));
  return name;
}

export async function cloneDatabase(adminUrl, template, name, { durable = true } = {}) {
  await createDatabase(adminUrl, name, { template });
  if (!durable) await skipCommitFlush(adminUrl, name);
  return withDatabase(adminUrl, name);
}

/** Drop every database of this run (and of runs that died more than a day ago). */
export async function dropRunDatabases(adminUrl, runId) {
  const names = await withClient(adminUrl, async (c) =>
    (await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'dr\\_t%'")).rows.map((r) => r.datname),
  );
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of names) {
    const stamp = parseInt(name.slice(4, 12), 36);
    if (name.startsWith(`dr_t${runId}_`) || (Number.isFinite(stamp) && stamp < dayAgo))
      await dropDatabase(adminUrl, name);
  }
}

/**
 * CHROMIUM_PATH, Debian's headless shell, Debian's /usr/bin/chromium, or Playwright's own browser; null when none.
 * Every caller runs Chromium headless. The headless shell (Debian's chromium-headless-shell, the same Blink and V8 as
 * chromium; Playwright's own default for headless runs) is preferred: the full browser, run headless, also starts a
 * renderer for its own tab-strip UI with every window, which on a 2-core CI machine took CPU from the pages under
 * test (README "Tests" has the figures).
 */
export async function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  try {
    const { chromium } = await import("@playwright/test");
    candidates.push(chromium.executablePath());
  } catch {
    /* playwright not installed */
  }
  return candidates.find((p) => p && existsSync(p)) ?? null;
}
