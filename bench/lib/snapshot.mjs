// The benchmark builds and serves a snapshot of the working tree in a temporary
// folder, not the project itself: its `next build` then never replaces the `.next`
// of someone's dev server or e2e run, nobody's build replaces ours mid-run, and a
// file saved during the run cannot change what is measured. node_modules is
// hard-linked (same file system: ~5 s, no extra space), so nothing is installed.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../../scripts/lib/postgres.mjs";

const SKIP_TOP = new Set([
  "node_modules",
  ".next",
  ".data",
  ".git",
  "test-results",
  "playwright-report",
  ".tmp",
  ".next-profiles",
]);
const SKIP = new Set([path.join("bench", "out"), path.join("public", "bench-static.html")]);
const PREFIX = "dr-bench-";

function removeStaleSnapshots() {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      if (statSync(dir).mtimeMs < dayAgo) rmSync(dir, { recursive: true, force: true });
    } catch {
      /* another run removed it */
    }
  }
}

export function snapshotProject(runId, { log, onCleanup }) {
  removeStaleSnapshots();
  const dir = path.join(os.tmpdir(), `${PREFIX}${runId}`);
  onCleanup("remove the project snapshot", () => rmSync(dir, { recursive: true, force: true }));
  const started = Date.now();
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(ROOT, src);
      return (
        !SKIP_TOP.has(rel.split(path.sep)[0]) &&
        !SKIP.has(rel) &&
        !rel.startsWith(`${path.join("bench", "out")}${path.sep}`)
      );
    },
  });
  const modules = path.join(ROOT, "node_modules");
  if (!existsSync(modules)) throw new Error("node_modules is missing: run npm ci first");
  try {
    execFileSync("cp", ["-al", modules, path.join(dir, "node_modules")], { stdio: ["ignore", "ignore", "pipe"] });
  } catch {
    log("node_modules cannot be hard-linked into the temporary folder (another file system?): copying it");
    rmSync(path.join(dir, "node_modules"), { recursive: true, force: true });
    execFileSync("cp", ["-a", modules, path.join(dir, "node_modules")]);
  }
  log(`snapshot of the working tree in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return dir;
}
