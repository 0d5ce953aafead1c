#!/usr/bin/env node
// `npm run dev`: the whole app from one command. With DATABASE_URL unset, an
// embedded PostgreSQL 17 runs from .data/postgres (kept between runs); migrations
// are applied, the demo data seeded on first start, then `next dev` serves the app
// and the live co-editing server (scripts/collab-server.ts) runs beside it.
// Ctrl-C stops Next, the collaboration server and PostgreSQL cleanly.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT, applyMigrations, createDatabase, databaseExists, withDatabase } from "./lib/postgres.mjs";
import { startPostgresProcess } from "./lib/postgres-process.mjs";
import { runSeed } from "./lib/seed.mjs";

const DATA = path.join(ROOT, ".data");
const PORT = Number(process.env.PORT ?? 3000);
const COLLAB_PORT = Number(process.env.COLLAB_PORT ?? 1234);
const log = (msg) => console.log(`\x1b[36m[design-review]\x1b[0m ${msg}`);

function devAuthSecret() {
  const file = path.join(DATA, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * Every interface, as `next dev` listens: the page connects to the collaboration server at the host it was opened
 * at, so opened at 127.0.0.1 or at the machine's address the live channel must answer there too. `::` takes IPv4
 * as well; 0.0.0.0 where the machine has no IPv6.
 */
function allInterfaces() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve("0.0.0.0"));
    probe.listen(0, "::", () => probe.close(() => resolve("::")));
  });
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  let stopDb = async () => {};
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    log(`starting embedded PostgreSQL 17 (data in .data/postgres, port ${port})…`);
    const pg = await startPostgresProcess({ dataDir: path.join(DATA, "postgres"), port });
    stopDb = pg.stop;
    if (pg.reused) log("reusing the PostgreSQL an earlier run left running (it stays running after this one)");
    if (!(await databaseExists(pg.url, "design_review"))) await createDatabase(pg.url, "design_review");
    databaseUrl = withDatabase(pg.url, "design_review");
  } else {
    log("using the database in DATABASE_URL");
  }

  let stopping = false;
  let next;
  let collab;
  const stopChild = async (child) => {
    // A child that a signal ended has no exit code, only its signal.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    // The collaboration server stores every open doc before it exits; PostgreSQL, in a process group of its own
    // (scripts/lib/postgres-process.mjs), got no Ctrl-C and stops only after that.
    await Promise.all([stopChild(next), stopChild(collab)]);
    await stopDb();
    log("stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => shutdown(0));
  process.on("SIGTERM", () => shutdown(0));

  try {
    const applied = await applyMigrations(databaseUrl);
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? devAuthSecret(),
      NEXT_TELEMETRY_DISABLED: "1",
      COLLAB_PORT: String(COLLAB_PORT),
      COLLAB_HOST: process.env.COLLAB_HOST || (await allInterfaces()),
    };
    const demo = await runSeed(env);

    next = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules/next/dist/bin/next"), "dev", "--port", String(PORT)],
      { stdio: "inherit", env, cwd: ROOT },
    );
    next.on("exit", (code) => shutdown(code ?? 0));
    collab = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/collab-server.ts")],
      { stdio: "inherit", env, cwd: ROOT },
    );
    collab.on("exit", (code) => {
      if (!stopping) log(`the collaboration server stopped (exit ${code}); live editing is unavailable`);
    });
    const url = `http://localhost:${PORT}`;
    log(`Design Review → \x1b[1m${url}\x1b[0m`);
    if (demo) log(`demo sign-in: ${demo.email} / ${demo.password}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

main();
