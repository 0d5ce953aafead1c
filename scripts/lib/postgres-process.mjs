// `npm run dev`'s embedded PostgreSQL, run from a process of its own. Ctrl-C in a terminal signals the whole
// foreground process group at once: PostgreSQL would stop at the same moment as the collaboration server, whose last
// store of every open doc then never reached it. In a process group of its own (`detached`), PostgreSQL outlives Next
// and the collaboration server, and stops when dev.mjs closes this process's stdin: when told to, or when dev.mjs
// dies, however it dies.
//   node scripts/lib/postgres-process.mjs <dataDir> <port>   prints {"url":…} on stdout once PostgreSQL is ready
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { startEmbeddedPostgres } from "./postgres.mjs";

/**
 * Start PostgreSQL in a detached child process. Resolves with its admin URL, whether a server left running by a
 * killed run was reused, and `stop()`, which resolves once PostgreSQL has stopped.
 */
export function startPostgresProcess({ dataDir, port }) {
  const child = spawn(process.execPath, [import.meta.filename, dataDir, String(port)], {
    detached: true,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const stop = async () => {
    child.stdin.end();
    await exited;
  };
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (line) => resolve({ ...JSON.parse(line), stop }));
    exited.then((code) => reject(new Error(`Embedded PostgreSQL did not start (exit ${code})`)));
  });
}

async function main() {
  const [dataDir, port] = process.argv.slice(2);
  const started = startEmbeddedPostgres({ dataDir, port: Number(port) });
  // Registered before the start finishes: a dev.mjs stopped during the start still leaves no server behind.
  process.stdin.on("end", async () => {
    const pg = await started.catch(() => null);
    await pg?.stop();
    process.exit(0);
  });
  process.stdin.resume();
  try {
    const { url, reused } = await started;
    process.stdout.write(`${JSON.stringify({ url, reused })}\n`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (process.argv[1] === import.meta.filename) await main();
