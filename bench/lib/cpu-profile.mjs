// Where the server's CPU goes: a V8 .cpuprofile (node --cpu-prof) summarised by
// self time per source package or project file. Positions in Next's bundled
// server chunks are mapped back to their sources through the chunks' .map files.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

const maps = new Map();

function sourceMapFor(file) {
  if (!maps.has(file)) {
    let map = null;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return maps.get(file);
}

/** "react-dom", "@tiptap/core", "app: lib/editor/render-html.ts", "node:internal", "(garbage collector)"… */
function categoryOf(frame) {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (!url) return /^\(.*\)$/.test(functionName) ? functionName : `native ${functionName || "code"}`;
  if (url.startsWith("node:")) return "node internals";
  // The only WebAssembly on the server is Prisma's query compiler (engineType "client").
  if (url.startsWith("wasm://")) return "wasm (Prisma query compiler)";
  let source = url;
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (file.includes("/.next/server/")) {
    const entry = sourceMapFor(file)?.findEntry(lineNumber, columnNumber);
    source = entry?.originalSource ?? file;
  }
  try {
    source = decodeURIComponent(source);
  } catch {
    /* keep it encoded */
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (pkg === "next") {
    const compiled = /next\/dist\/compiled\/([^/]+)/.exec(source)?.[1];
    return compiled ? `next (compiled ${compiled})` : "next";
  }
  if (pkg) return pkg;
  const project = /\[project\]\/(.+?)(?:\s|$|\?)/.exec(source)?.[1];
  if (project) return `app: ${project}`;
  return source.replace(/^.*\/\.next\//, ".next/");
}

/** Self time per profile node in ms, for samples between `skipMs` and `untilMs` after the profile's start. */
function selfTimes(profile, skipMs, untilMs) {
  const selfMs = new Map();
  let elapsedUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    elapsedUs += profile.timeDeltas[i] ?? 0;
    if (elapsedUs < skipMs * 1000 || elapsedUs > untilMs * 1000) continue;
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return selfMs;
}

/**
 * Self time per category in ms, largest first, with each one's share of the busy
 * (non-idle) time. Samples in the first `skipMs` (boot, warm-up) and after `untilMs` are left out.
 * `by: "function"` groups by function and file instead of by package.
 */
export function summarizeProfile(file, { skipMs = 0, untilMs = Infinity, top = 15, by = "category" } = {}) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  for (const [id, ms] of selfTimes(profile, skipMs, untilMs)) {
    const frame = byId.get(id).callFrame;
    const category = by === "function" ? functionOf(frame) : categoryOf(frame);
    totals.set(category, (totals.get(category) ?? 0) + ms);
  }
  const idle = totals.get("(idle)") ?? 0;
  totals.delete("(idle)");
  const busy = [...totals.values()].reduce((a, b) => a + b, 0);
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { busyMs: busy, idleMs: idle, rows: rows.map(([category, ms]) => ({ category, ms, share: ms / busy })) };
}

/** "encodeStateAsUpdate (yjs)", "store (app: lib/collab/server.ts)", "(garbage collector)"… */
function functionOf(frame) {
  if (!frame.url) return /^\(.*\)$/.test(frame.functionName) ? frame.functionName : `native ${frame.functionName}`;
  const where = categoryOf(frame).replace(/^.*\/(lib|scripts|bench)\//, "app: $1/");
  return `${frame.functionName || "(anonymous)"} (${where})`;
}
