// A real `next start` on a PostgreSQL cluster of the test's own (never the machine's
// shared server: the fault test stops and restarts it), seeded through the domain
// code by bench/seed.ts. Reuses the benchmark's snapshot, build, start and sign-in
// helpers. HARDENING_APP_DIR names a folder with a finished `next build` to serve
// (npm test passes the e2e build); without it a snapshot of the tree is built.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { onCleanup, runCleanup } from "../../../bench/lib/cleanup.mjs";
import { buildApp, runLogged, signIn, startApp } from "../../../bench/lib/server.mjs";
import { snapshotProject } from "../../../bench/lib/snapshot.mjs";
import {
  ROOT,
  applyMigrations,
  createDatabase,
  freePort,
  startEmbeddedPostgres,
  withDatabase,
} from "../../../scripts/lib/postgres.mjs";
import { newRunId } from "../../../scripts/lib/test-env.mjs";

export { signIn };
export { apiWriter, checkLostUpdates, newState, runWriters } from "../../../bench/section-save.mjs";

export const PASSWORD = "hardening-password-123";
const log = (msg) => console.log(`[hardening] ${msg}`);

/** Embedded PostgreSQL 17 with durable settings (an acknowledged commit must survive a stop). */
async function startOwnPostgres(runId) {
  const dataDir = path.join(ROOT, ".data", `hardening-postgres-${runId}`);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = await freePort();
  let pg = await startEmbeddedPostgres({ dataDir, port, durable: true });
  let running = true;
  onCleanup("remove the hardening PostgreSQL", async () => {
    if (running) await pg.stop();
    for (let i = 0; i < 50 && existsSync(path.join(dataDir, "postmaster.pid")); i++)
      await new Promise((r) => setTimeout(r, 200));
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    adminUrl: pg.url,
    port,
    /** Fast shutdown (SIGINT to the postmaster): sessions are ended, open transactions roll back. */
    stop: async () => {
      await pg.stop();
      running = false;
    },
    start: async () => {
      pg = await startEmbeddedPostgres({ dataDir, port, durable: true });
      running = true;
    },
  };
}

/**
 * Start everything; `stop()` tears it all down (also on failure half-way).
 * `writers` editors are seeded, `writersPerSection` of them on each section.
 */
export async function startLiveApp({ writers = 50, writersPerSection = 2 } = {}) {
  const runId = newRunId();
  try {
    const postgres = await startOwnPostgres(runId);
    await createDatabase(postgres.adminUrl, "hardening");
    const databaseUrl = withDatabase(postgres.adminUrl, "hardening");
    await applyMigrations(databaseUrl);
    log(`PostgreSQL of this run on port ${postgres.port}`);
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      // As behind one reverse proxy: the abuse tests speak for many clients through X-Forwarded-For.
      TRUST_PROXY_HOPS: "1",
    };
    let appDir = process.env.HARDENING_APP_DIR;
    if (!appDir) {
      appDir = snapshotProject(runId, { log, onCleanup });
      log("next build of a snapshot of the tree (log: bench/out/build.log)");
      await buildApp(appDir, env);
    }
    log(`seeding ${writers} writers through the domain code (bench/seed.ts)`);
    const out = await runLogged(
      "bench/seed.ts",
      ["--conditions=react-server", "--import", "tsx", path.join(appDir, "bench", "seed.ts")],
      {
        cwd: appDir,
        env: {
          ...env,
          BENCH_RUN_ID: runId,
          BENCH_PASSWORD: PASSWORD,
          BENCH_WRITERS: String(writers),
          BENCH_WRITERS_PER_SECTION: String(writersPerSection),
          BENCH_DOC_BYTES: String(16 * 1024),
        },
        logName: "hardening-seed.log",
      },
    );
    const seed = JSON.parse(
      out
        .split("\n")
        .find((l) => l.startsWith("BENCH_SEED "))
        .slice("BENCH_SEED ".length),
    );
    const app = await startApp(appDir, env, { onCleanup, logName: "hardening-server.log" });
    log(`next start on ${app.base} (log: bench/out/hardening-server.log)`);
    return { base: app.base, appDir, databaseUrl, seed, postgres, serverPid: app.serverPid, stop: runCleanup };
  } catch (error) {
    await runCleanup();
    throw error;
  }
}
