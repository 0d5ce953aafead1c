// `npm start`: production on one machine, after `npm ci && npm run build`. Checks the configuration, the database
// and the ports (one line and an exit code each when something is wrong), applies pending migrations (opt out with
// `--no-migrate` or MIGRATE_ON_START=off), then runs the web server (`next start`) and, when the collaboration
// server exists (scripts/collab-server.ts), that too. SIGTERM or SIGINT stops both cleanly: Next finishes the
// requests in flight, the collaboration server stores its docs and closes its sockets; the exit code is 0 when
// every process ended cleanly. README → Production.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { EnvError, parseEnv } from "../lib/env";
import { ROOT, applyMigrations } from "./lib/postgres.mjs";

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, failed: 1, config: 2, database: 3, portInUse: 4 } as const;

const log = (level: "info" | "error", msg: string, extra: Record<string, unknown> = {}) =>
  (level === "error" ? process.stderr : process.stdout).write(
    `${JSON.stringify({ level, time: new Date().toISOString(), msg, component: "launcher", ...extra })}\n`,
  );

function fail(code: number, line: string): never {
  process.stderr.write(`Design Review cannot start: ${line}\n`);
  process.exit(code);
}

function portNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) fail(EXIT.config, `${name} must be a port number (1-65535)`);
  return n;
}

/** host:port/database of a PostgreSQL URL, never its password. */
function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const e = error as { code?: string; message?: string };
    const reason = e.code === "3D000" ? "the database does not exist" : (e.message ?? String(error)) || "no answer";
    fail(EXIT.database, `the database at ${where(url)} is unreachable (${reason})`);
  } finally {
    await client.end().catch(() => {});
  }
}

function checkPort(port: number, host: string, name: string): Promise<void> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") fail(EXIT.portInUse, `port ${port} is in use (set ${name} to a free port)`);
      fail(EXIT.portInUse, `cannot listen on ${host}:${port} (${error.code ?? error.message})`);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const migrate = !args.includes("--no-migrate") && process.env.MIGRATE_ON_START !== "off";
  // `--only=web` / `--only=collab`: one of the two per container (compose.yaml).
  const only = args.find((a) => a.startsWith("--only="))?.slice(7);
  if (only !== undefined && only !== "web" && only !== "collab") fail(EXIT.config, "--only must be web or collab");
  let env;
  try {
    env = parseEnv({ ...process.env, NODE_ENV: process.env.NODE_ENV || "production" });
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    fail(EXIT.config, `${error.problems.join("; ")} (README → Configuration)`);
  }
  const port = portNumber("PORT", 3000);
  const host = process.env.HOSTNAME || "0.0.0.0";
  const collabEntry = path.join(ROOT, "scripts", "collab-server.ts");
  const withCollab = only !== "web" && existsSync(collabEntry);
  const withWeb = only !== "collab";
  if (only === "collab" && !withCollab)
    fail(EXIT.config, "this build has no collaboration server (scripts/collab-server.ts)");
  const collabPort = portNumber("COLLAB_PORT", 1234);
  if (withWeb && !existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")))
    fail(EXIT.config, "there is no production build here (run `npm run build` first)");

  await checkDatabase(env.DATABASE_URL);
  if (withWeb) await checkPort(port, host, "PORT");
  if (withCollab) await checkPort(collabPort, process.env.COLLAB_HOST || "127.0.0.1", "COLLAB_PORT");

  if (migrate) {
    try {
      const applied = await applyMigrations(env.DATABASE_URL);
      log("info", applied.length ? "migrations applied" : "no pending migrations", { applied });
    } catch (error) {
      fail(EXIT.database, error instanceof Error ? error.message : String(error));
    }
  } else log("info", "migrations not applied on start (--no-migrate / MIGRATE_ON_START=off)");

  const children = new Map<string, ChildProcess>();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (withWeb)
    children.set(
      "web",
      spawn(
        process.execPath,
        [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", host],
        { cwd: ROOT, env: { ...childEnv, PORT: String(port) }, stdio: "inherit" },
      ),
    );
  if (withCollab)
    children.set(
      "collab",
      spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", collabEntry], {
        cwd: ROOT,
        env: { ...childEnv, COLLAB_PORT: String(collabPort) },
        stdio: "inherit",
      }),
    );
  log("info", "starting", { port, host, processes: [...children.keys()] });

  let stopping = false;
  let exitCode: number = EXIT.ok;
  const running = new Set(children.keys());
  const finish = () => {
    if (running.size === 0) {
      log("info", "stopped", { exitCode });
      process.exit(exitCode);
    }
  };
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    log("info", "stopping", { reason });
    for (const name of running) children.get(name)?.kill("SIGTERM");
    const grace = Number(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? 30) * 1000;
    setTimeout(() => {
      log("error", "processes did not stop in time: killed", { processes: [...running] });
      for (const name of running) children.get(name)?.kill("SIGKILL");
      exitCode = EXIT.failed;
    }, grace).unref();
    finish();
  };
  for (const [name, child] of children) {
    child.on("exit", (code, signal) => {
      running.delete(name);
      // After our SIGTERM, Next exits 143 once every request in flight is answered: a clean stop.
      const clean = stopping && (code === 0 || code === 143 || code === 130 || signal === "SIGTERM");
      if (!clean) {
        exitCode = EXIT.failed;
        log("error", `the ${name} process exited`, { code, signal });
      }
      if (!stopping) stop(`the ${name} process exited`);
      finish();
    });
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  // One line when the web server answers its liveness check.
  const started = Date.now();
  const probe = `http://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${port}/api/health`;
  while (withWeb && !stopping && Date.now() - started < 120_000) {
    const ok = await fetch(probe)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) {
      log("info", "ready", { url: `http://${host}:${port}`, ms: Date.now() - started });
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

void main();
