// `next build` and `next start` for the benchmark, plus what we read about the
// server process from /proc (resident memory, CPU time).
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, freePort } from "../../scripts/lib/postgres.mjs";
import { trackChild } from "./cleanup.mjs";

export const OUT = path.join(ROOT, "bench", "out");
const nextBin = (appDir) => path.join(appDir, "node_modules", "next", "dist", "bin", "next");

function tail(file, lines = 40) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Run a command to completion with its output in a log file; throw with the log's tail on failure. */
export function runLogged(label, args, { env, logName, cwd = ROOT }) {
  mkdirSync(OUT, { recursive: true });
  const logFile = path.join(OUT, logName);
  const fd = openSync(logFile, "w");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", fd, fd], detached: true });
    trackChild(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      closeSync(fd);
      if (code === 0) resolve(readFileSync(logFile, "utf8"));
      else
        reject(
          new Error(
            `${label} failed (${signal ?? `exit ${code}`}); ` +
              `last lines of ${path.relative(ROOT, logFile)}:\n${tail(logFile)}`,
          ),
        );
    });
  });
}

export async function buildApp(appDir, env) {
  const started = Date.now();
  await runLogged("next build", [nextBin(appDir), "build"], { env, logName: "build.log", cwd: appDir });
  return (Date.now() - started) / 1000;
}

/**
 * `next start` on a free port, in a process group of its own (so stop() reaches any
 * worker it forks), resolved once /api/health answers 200.
 */
export async function startApp(appDir, env, { onCleanup, nodeArgs = [], logName = "server.log" }) {
  const port = await freePort();
  mkdirSync(OUT, { recursive: true });
  const logFile = path.join(OUT, logName);
  const fd = openSync(logFile, "w");
  const child = spawn(
    process.execPath,
    [...nodeArgs, nextBin(appDir), "start", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: appDir,
      env,
      stdio: ["ignore", fd, fd],
      detached: true,
    },
  );
  const startedAt = performance.now();
  closeSync(fd);
  let exited = null;
  child.on("exit", (code, signal) => (exited = signal ?? `exit ${code}`));
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 5_000);
    await gone;
    clearTimeout(timer);
  };
  onCleanup("stop next start", stop);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`next start exited (${exited}); last lines of bench/out/${logName}:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline)
      throw new Error(`next start did not answer /api/health within 60 s; see bench/out/${logName}:\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, port, pid: child.pid, startedAt, stop, serverPid: () => findServerPid(child.pid) };
}

/**
 * The live co-editing server (scripts/collab-server.ts) beside `next start`, as in production: without it the doc
 * page has no live channel and editing opens the saving editor (no Yjs, no provider), which would understate the
 * JavaScript to edit. `env` must carry the COLLAB_PORT Next is started with.
 */
export async function startCollab(appDir, env, { onCleanup, logName = "collab.log" }) {
  const logFile = path.join(OUT, logName);
  mkdirSync(OUT, { recursive: true });
  const fd = openSync(logFile, "w");
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(appDir, "scripts", "collab-server.ts")],
    { cwd: appDir, env, stdio: ["ignore", fd, fd], detached: true },
  );
  closeSync(fd);
  trackChild(child);
  let exited = null;
  child.on("exit", (code, signal) => (exited = signal ?? `exit ${code}`));
  onCleanup("stop the collab server", async () => {
    if (exited) return;
    const gone = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    await gone;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`the collab server exited (${exited}); see bench/out/${logName}:\n${tail(logFile)}`);
    if (
      await fetch(`http://127.0.0.1:${env.COLLAB_PORT}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline)
      throw new Error(`the collab server did not answer within 60 s; see bench/out/${logName}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sign in through the JSON endpoint; returns the Cookie header value of the session. */
export async function signIn(base, email, password) {
  const res = await fetch(`${base}/api/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const cookies = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?=/.test(c));
  if (!cookies.length) throw new Error(`sign-in as ${email} set no authjs.session-token cookie`);
  return cookies.join("; ");
}

// ---- /proc ----

function children(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function descendants(pid) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return all;
}

/** The process that serves requests: the one titled next-server, else the biggest in the tree. */
function findServerPid(rootPid) {
  const tree = descendants(rootPid);
  const titled = tree.find((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, "utf8").includes("next-server");
    } catch {
      return false;
    }
  });
  if (titled) return titled;
  return tree.map((p) => [p, memoryOf(p)?.rssKB ?? 0]).sort((a, b) => b[1] - a[1])[0][0];
}

/** RSS and peak RSS (VmHWM) in KB from /proc/<pid>/status. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssKB: kb("VmRSS"), peakKB: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** User + system CPU seconds of a process (clock ticks are 100 Hz on Linux). */
export function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
