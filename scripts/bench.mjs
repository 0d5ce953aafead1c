#!/usr/bin/env node
// `npm run bench`: how fast, how big — measured on this machine in one run.
// A database of its own → seed through the domain code → next build + next start →
// doc page load vs a static copy → concurrent section saves vs raw pg → JS shipped →
// memory. Prints Markdown tables and keeps the latest in bench/RESULTS.md.
// It builds and serves a snapshot of the working tree in a temporary folder
// (bench/lib/snapshot.mjs), so the project's own .next and public/ are never touched.
// Everything it starts (server, embedded PostgreSQL, Chromium) is stopped on exit,
// failure or Ctrl-C.
//
//   BENCH_SECONDS=5             seconds per load run (default 10)
//   BENCH_CONNECTIONS=1,10,50   autocannon connection levels
//   BENCH_WRITERS=50            concurrent section writers
//   BENCH_WRITERS_PER_SECTION=2 writers sharing a section (conflicts); 1 = each its own
//   BENCH_PROFILE=1             also profile the doc page (node --cpu-prof) and print where the CPU goes
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  docPageFacts,
  docPageTable,
  prepareDocPage,
  profileDocPage,
  profileTable,
  runDocPageLoad,
  STATIC_NAME,
  writeStaticPlaceholder,
} from "../bench/doc-page.mjs";
import { chunkTable, jsTable, measureEditing, measurePages } from "../bench/js-size.mjs";
import { installSignalHandlers, onCleanup, runCleanup } from "../bench/lib/cleanup.mjs";
import { acquireDatabase } from "../bench/lib/database.mjs";
import { describeMachine, fmt, kb, loadAverage, machineTable, table } from "../bench/lib/report.mjs";
import { OUT, buildApp, memoryOf, runLogged, signIn, startApp } from "../bench/lib/server.mjs";
import { snapshotProject } from "../bench/lib/snapshot.mjs";
import { runSectionSave, sectionSaveTable } from "../bench/section-save.mjs";
import { ROOT } from "./lib/postgres.mjs";
import { newRunId } from "./lib/test-env.mjs";

/** Read once at the start of main(), so a bad value is reported like any other failure. */
let config;
function readConfig() {
  const levels = (process.env.BENCH_CONNECTIONS ?? "1,10,50").split(",").map(Number);
  if (!levels.length || levels.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_CONNECTIONS must be a comma-separated list of positive integers (got "${process.env.BENCH_CONNECTIONS}")`);
  return {
    seconds: positive("BENCH_SECONDS", 10),
    levels,
    writers: Math.round(positive("BENCH_WRITERS", 50)),
    writersPerSection: Math.round(positive("BENCH_WRITERS_PER_SECTION", 2)),
    poolSize: Math.round(positive("DATABASE_POOL_SIZE", 10)),
    profile: process.env.BENCH_PROFILE === "1",
  };
}
const PASSWORD = "bench-password-123";
const TARGETS = { ratio: 0.25, p99: 150, readingKB: 150, editingKB: 300 };

function positive(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${process.env[name]}")`);
  return value;
}

const log = (msg) => console.log(`\x1b[36m[bench]\x1b[0m ${msg}`);
const section = (title, body) => `## ${title}\n\n${body}\n`;

async function seed(appDir, env, runId) {
  log(`seeding: 1 owner, a ~60 KB doc from the built-in template, ${config.writers} writers (bench/seed.ts)`);
  const out = await runLogged("bench/seed.ts", ["--conditions=react-server", "--import", "tsx", path.join(appDir, "bench", "seed.ts")], {
    cwd: appDir,
    env: { ...env, BENCH_RUN_ID: runId, BENCH_PASSWORD: PASSWORD, BENCH_WRITERS: String(config.writers), BENCH_WRITERS_PER_SECTION: String(config.writersPerSection) },
    logName: "seed.log",
  });
  const line = out.split("\n").find((l) => l.startsWith("BENCH_SEED "));
  if (!line) throw new Error("bench/seed.ts printed no BENCH_SEED line; see bench/out/seed.log");
  return JSON.parse(line.slice("BENCH_SEED ".length));
}

function memoryRow(label, pid) {
  const m = memoryOf(pid);
  return [label, m ? fmt(m.rssKB / 1024) : "—", m ? fmt(m.peakKB / 1024) : "—"];
}

function targetsTable(r) {
  const at10 = r.docRows.find((x) => x.connections === 10);
  const docJs = r.js.find((x) => x.name === "doc page (reading)");
  const editKB = r.editing.editing && !r.editing.skipped ? r.editing.editing.bytes / 1024 : NaN;
  const mark = (ok) => (ok === null ? "not measured" : ok ? "PASS" : "**MISS**");
  const rows = [
    ["doc page ratio doc/static at 10 connections", `≥ ${TARGETS.ratio}`, at10 ? fmt(at10.ratio, 3) : "—", mark(at10 ? at10.ratio >= TARGETS.ratio : null)],
    [
      "doc page p99 at 10 connections",
      `≤ ${TARGETS.p99} ms`,
      at10 ? (at10.doc.ok ? `${fmt(at10.doc.p99)} ms` : `none completed in ${config.seconds} s`) : "—",
      mark(at10 ? at10.doc.p99 <= TARGETS.p99 : null),
    ],
    ["section text in server HTML", "all sections", `${r.page.sectionsInHtml}/${r.page.sectionCount}`, mark(r.page.missing.length === 0)],
    ["section save 5xx", "0", String(r.save.api.serverErrors), mark(r.save.api.serverErrors === 0)],
    ["lost updates (API)", "0", String(r.save.api.lost), mark(r.save.api.lost === 0)],
    ["JS to read a doc (gzip)", `≤ ${TARGETS.readingKB} KB`, docJs ? `${kb(docJs.jsGzip)} KB` : "—", mark(docJs ? docJs.jsGzip / 1024 <= TARGETS.readingKB : null)],
    ["JS to edit a doc (gzip)", `≤ ${TARGETS.editingKB} KB`, Number.isFinite(editKB) ? `${fmt(editKB, 1)} KB` : "—", mark(Number.isFinite(editKB) ? editKB <= TARGETS.editingKB : null)],
  ];
  return table(["target", "goal", "measured", ""], rows);
}

function render(r) {
  const notes = [
    `- Doc page: autocannon, ${config.seconds} s per URL and level after a warm-up of 100 requests each, doc and static alternating; no Accept-Encoding (both uncompressed).`,
    `  The static page is the doc page's own HTML copied to \`public/${STATIC_NAME}\` (of the snapshot), served by the same \`next start\`.`,
    "  CPU ms/req: the next-server process's user+system CPU time over the run (and the in-flight requests it finishes after) per request sent.",
    "  Ratio by server CPU = static CPU ms/req ÷ doc CPU ms/req: the throughput ratio when the server's CPU is the bottleneck, less sensitive than req/s to other load on the machine.",
    `- Section save: ${r.save.writers} writers over ${r.save.sections} sections (${config.writersPerSection} per section), each writing ~4 KB of Tiptap JSON for ${config.seconds} s after a 1 s warm-up;`,
    "  on 409 a writer takes `error.data.current.version` and retries. Raw pg: the same writers, one `UPDATE … WHERE id = $2 AND version = $3` per save.",
    "  Lost updates: per section the stored content must be the acknowledged write with the highest version (acknowledged versions unique),",
    "  and each writer's last acknowledged write must be stored or superseded by a later acknowledged one.",
    "- JS: gzip (zlib default level) of each `<script src>` / `<link rel=preload as=script>` in the page's HTML, nomodule excluded.",
    "  Editing: every script response Chromium receives on the doc page until an editor is open.",
  ].join("\n");
  return [
    "# Benchmark results",
    "",
    `Latest \`npm run bench\` (BENCH_SECONDS=${config.seconds}). Regenerate with \`npm run bench\`; figures depend on the machine and on what else runs on it (see the load average).`,
    "",
    section("Machine", r.machineTable),
    section("Targets (issue 3)", targetsTable(r)),
    section("Doc page", `${docPageFacts(r.page, r.seed)}\n\n${docPageTable(r.docRows)}`),
    section(
      "Section save",
      `${sectionSaveTable(r.save)}\n\nRatio API/raw pg saves/s: **${fmt(r.save.ratio, 3)}**` +
        (r.save.api.detail ? `\n\nLast error response from the API: \`${r.save.api.detail}\` (server log: bench/out/server.log)` : ""),
    ),
    section(
      "JavaScript shipped",
      jsTable(r.js, r.editing) +
        (r.editing.skipped ? `\n\nEditing: not measured — ${r.editing.skipped}.` : "") +
        `\n\nLargest script files of the doc page (reading):\n\n${chunkTable(r.js.find((x) => x.name === "doc page (reading)"))}`,
    ),
    section("Memory (next-server RSS)", table(["when", "RSS MB", "peak RSS MB"], r.memory)),
    ...(r.profile
      ? [
          section(
            "Where the doc page's server CPU goes",
            `\`node --cpu-prof\` on a second \`next start\`, doc page at 10 connections for ${config.seconds} s (boot and warm-up excluded); self time, mapped through the server chunks' source maps. ${fmt(r.profile.busyMs / r.profile.requests, 1)} ms of busy CPU per page over ${r.profile.requests} pages (profiling adds overhead).\n\n${profileTable(r.profile)}`,
          ),
        ]
      : []),
    section("Method", notes),
  ].join("\n");
}

async function main() {
  config = readConfig();
  installSignalHandlers();
  const runId = newRunId();
  const db = await acquireDatabase(runId, { log, onCleanup });
  installSignalHandlers();
  const machine = describeMachine(db);
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    DATABASE_POOL_SIZE: String(config.poolSize),
  };
  const appDir = snapshotProject(runId, { log, onCleanup });
  const seedData = await seed(appDir, env, runId);
  log(`doc: /docs/${seedData.doc.slug} (id ${seedData.doc.id}), ${seedData.doc.sections.length} sections, ${kb(seedData.doc.jsonBytes)} KB of Tiptap JSON`);

  writeStaticPlaceholder(appDir);
  log("next build of the snapshot (log: bench/out/build.log)");
  log(`built in ${fmt(await buildApp(appDir, env))} s`);
  const app = await startApp(appDir, env, { onCleanup });
  const serverPid = app.serverPid();
  log(`next start on ${app.base} (server pid ${serverPid})`);

  const cookie = await signIn(app.base, seedData.owner.email, PASSWORD);
  log(`session cookie for load runs: ${cookie}`);
  const page = await prepareDocPage({ appDir, base: app.base, cookie, slug: seedData.doc.slug, sections: seedData.doc.sections });
  log(`doc page: ${kb(page.bytes)} KB of HTML; section text in server HTML: ${page.sectionsInHtml}/${page.sectionCount}`);

  const memory = [memoryRow("after start and one page", serverPid)];
  const docRows = await runDocPageLoad({ base: app.base, cookie, slug: seedData.doc.slug, seconds: config.seconds, levels: config.levels, serverPid, log });
  memory.push(memoryRow("after the doc page load runs", serverPid));
  console.log(`\n${docPageTable(docRows)}\n`);

  const save = await runSectionSave({ base: app.base, databaseUrl: db.url, writers: seedData.writers, password: PASSWORD, seconds: config.seconds, poolSize: config.poolSize, log });
  memory.push(memoryRow("after the section save run", serverPid));
  console.log(`\n${sectionSaveTable(save)}\nlost updates: ${save.api.lost}\n`);

  log("JavaScript shipped");
  const js = await measurePages({
    base: app.base,
    cookie,
    pages: [
      { name: "sign-in", path: "/sign-in", signedIn: false },
      { name: "doc list", path: `/w/${seedData.workspace.slug}`, signedIn: true },
      { name: "doc page (reading)", path: `/docs/${seedData.doc.slug}`, signedIn: true },
    ],
  });
  const editing = await measureEditing({ base: app.base, cookie, slug: seedData.doc.slug, log, outDir: OUT });

  let profile = null;
  if (config.profile) {
    await app.stop();
    profile = await profileDocPage({ appDir, env, onCleanup, cookie, slug: seedData.doc.slug, seconds: config.seconds, log });
    console.log(`\n${profileTable(profile)}\n`);
  }

  const results = { machineTable: machineTable({ ...machine, loadAverageEnd: loadAverage() }), seed: seedData, page, docRows, save, js, editing, memory, profile };
  const markdown = render(results);
  writeFileSync(path.join(ROOT, "bench", "RESULTS.md"), markdown);
  console.log(`\n${markdown}`);
  log("wrote bench/RESULTS.md");

  const failures = [
    page.missing.length && `section text missing from the server HTML: ${page.missing.join(", ")}`,
    docRows.some((r) => r.doc.bad || r.static.bad) && "non-2xx responses or errors during the doc page load runs",
    save.api.serverErrors && `${save.api.serverErrors} 5xx responses on section save (last: ${save.api.detail})`,
    (save.api.lost || save.raw.lost) && `lost updates: API ${save.api.lost}, raw pg ${save.raw.lost}`,
  ].filter(Boolean);
  if (failures.length) throw new Error(`correctness checks failed:\n  - ${failures.join("\n  - ")}`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error(`\n\x1b[31m[bench] failed:\x1b[0m ${process.env.BENCH_DEBUG ? error?.stack : (error?.message ?? error)}`);
} finally {
  log("stopping everything this run started…");
  await runCleanup();
}
process.exit(exitCode);
