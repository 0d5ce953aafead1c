#!/usr/bin/env node
// `npm run bench`: how fast, how big — measured on this machine in one run.
// A database of its own → seed through the domain code → next build + next start →
// the selected parts → memory. Prints Markdown tables and keeps the latest in
// bench/RESULTS.md (a part not run keeps its section from the run that measured it).
// It builds and serves a snapshot of the working tree in a temporary folder
// (bench/lib/snapshot.mjs), so the project's own .next and public/ are never touched.
// Everything it starts (server, embedded PostgreSQL, Chromium) is stopped on exit,
// failure or Ctrl-C.
//
//   BENCH_ONLY=list,queries     parts to run (default all): page, save, js, vitals, collab, list, queries, profile
//   BENCH_SECONDS=5             seconds per load run (default 10)
//   BENCH_CONNECTIONS=1,10,50   autocannon connection levels
//   BENCH_WRITERS=50            concurrent section writers
//   BENCH_WRITERS_PER_SECTION=2 writers sharing a section (conflicts); 1 = each its own
//   BENCH_PROFILE=1             also profile the doc page (node --cpu-prof) and print where the CPU goes
//   BENCH_JS_SOURCES=1          build with browser source maps and print the doc page's JavaScript by package
//   BENCH_JS_SOURCES_BY=file    … by source file instead (the largest 150)
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
import { keystrokeTable, runKeystrokeBench } from "../bench/collab-keystroke.mjs";
import { chunkTable, jsTable, measureEditing, measurePages } from "../bench/js-size.mjs";
import { attributeScripts, fileOf, packageOf, sourcesTable } from "../bench/js-sources.mjs";
import { installSignalHandlers, onCleanup, runCleanup } from "../bench/lib/cleanup.mjs";
import { acquireDatabase } from "../bench/lib/database.mjs";
import { describeMachine, fmt, kb, loadAverage, machineTable, table } from "../bench/lib/report.mjs";
import { writeMergedResults } from "../bench/lib/results-file.mjs";
import { listScalingTable, runListScaling } from "../bench/list-scaling.mjs";
import { queriesTable, runQueries } from "../bench/queries-run.mjs";
import { runVitals, vitalsTable } from "../bench/vitals.mjs";
import { OUT, buildApp, memoryOf, runLogged, signIn, startApp, startCollab } from "../bench/lib/server.mjs";
import { snapshotProject } from "../bench/lib/snapshot.mjs";
import { runSectionSave, sectionSaveTable } from "../bench/section-save.mjs";
import { ROOT, freePort } from "./lib/postgres.mjs";
import { newRunId } from "./lib/test-env.mjs";

/** Read once at the start of main(), so a bad value is reported like any other failure. */
let config;
function readConfig() {
  const levels = (process.env.BENCH_CONNECTIONS ?? "1,10,50").split(",").map(Number);
  if (!levels.length || levels.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(
      `BENCH_CONNECTIONS must be a comma-separated list of positive integers (got "${process.env.BENCH_CONNECTIONS}")`,
    );
  const parts = (process.env.BENCH_ONLY ?? PARTS.filter((p) => p !== "profile").join(","))
    .split(",")
    .map((p) => p.trim());
  const unknown = parts.filter((p) => !PARTS.includes(p));
  if (unknown.length)
    throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(", ")}; choose from ${PARTS.join(", ")}`);
  return {
    seconds: positive("BENCH_SECONDS", 10),
    levels,
    writers: Math.round(positive("BENCH_WRITERS", 50)),
    writersPerSection: Math.round(positive("BENCH_WRITERS_PER_SECTION", 2)),
    poolSize: Math.round(positive("DATABASE_POOL_SIZE", 10)),
    profile: process.env.BENCH_PROFILE === "1" || parts.includes("profile"),
    parts,
  };
}
const PARTS = ["page", "save", "js", "vitals", "collab", "list", "queries", "profile"];
const KEYSTROKE = "Live co-editing: keystroke to another browser (issue 14)";
/** The doc with 20 uploaded images and 3 mermaid diagrams (bench/media-seed.ts). */
const MEDIA_PAGE = "doc page, 20 images + 3 diagrams";
const runs = (part) => config.parts.includes(part);
const PASSWORD = "bench-password-123";
const TARGETS = { ratio: 0.25, p99: 150, readingKB: 150, editingKB: 300 };

function positive(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number (got "${process.env[name]}")`);
  return value;
}

const log = (msg) => console.log(`\x1b[36m[bench]\x1b[0m ${msg}`);

async function seed(appDir, env, runId) {
  log(
    `seeding: 1 owner, a ~60 KB doc from the built-in template, ` +
      `${runs("save") ? config.writers : 0} writers (bench/seed.ts)`,
  );
  const out = await runLogged(
    "bench/seed.ts",
    ["--conditions=react-server", "--import", "tsx", path.join(appDir, "bench", "seed.ts")],
    {
      cwd: appDir,
      env: {
        ...env,
        BENCH_RUN_ID: runId,
        BENCH_PASSWORD: PASSWORD,
        BENCH_WRITERS: String(runs("save") ? config.writers : 0),
        BENCH_WRITERS_PER_SECTION: String(config.writersPerSection),
      },
      logName: "seed.log",
    },
  );
  const line = out.split("\n").find((l) => l.startsWith("BENCH_SEED "));
  if (!line) throw new Error("bench/seed.ts printed no BENCH_SEED line; see bench/out/seed.log");
  return JSON.parse(line.slice("BENCH_SEED ".length));
}

/** Issue 15's targets for the media doc, and its ratio to the plain doc page of the same run. */
function mediaVitalsLine(vitals) {
  const at = (name) => vitals.rows.find((x) => x.name === name && x.cpuSlowdown === 1);
  const [media, plain] = [at(MEDIA_PAGE), at("doc page")];
  if (!media || !plain) return "";
  const pass = media.lcp <= 1000 && media.cls <= 0.05;
  const noDiagramCode = vitals.rows.filter((x) => x.name === "doc page").every((x) => x.mermaidLoads === 0);
  return (
    `Media doc (unthrottled): LCP ${fmt(media.lcp)} ms (goal ≤ 1000), CLS ${fmt(media.cls, 3)} (goal ≤ 0.05): ` +
    `${pass ? "PASS" : "**MISS**"}; LCP ÷ plain doc page's in this run: ${fmt(media.lcp / plain.lcp, 2)}. ` +
    `Doc page without diagrams fetches no diagram code (mermaid) in any load: ${noDiagramCode ? "PASS" : "**MISS**"}.`
  );
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
    [
      "doc page ratio doc/static at 10 connections",
      `≥ ${TARGETS.ratio}`,
      at10 ? fmt(at10.ratio, 3) : "—",
      mark(at10 ? at10.ratio >= TARGETS.ratio : null),
    ],
    [
      "doc page p99 at 10 connections",
      `≤ ${TARGETS.p99} ms`,
      at10 ? (at10.doc.ok ? `${fmt(at10.doc.p99)} ms` : `none completed in ${config.seconds} s`) : "—",
      mark(at10 ? at10.doc.p99 <= TARGETS.p99 : null),
    ],
    [
      "(for reference) the same page rendered per request — the first read after each change — ratio at 10 connections",
      "—",
      at10?.rendered ? `${fmt(at10.renderedRatio, 3)} (p99 ${fmt(at10.rendered.p99)} ms)` : "—",
      "",
    ],
    [
      "section text in server HTML",
      "all sections",
      `${r.page.sectionsInHtml}/${r.page.sectionCount}`,
      mark(r.page.missing.length === 0),
    ],
    ["section save 5xx", "0", String(r.save.api.serverErrors), mark(r.save.api.serverErrors === 0)],
    ["lost updates (API)", "0", String(r.save.api.lost), mark(r.save.api.lost === 0)],
    [
      "JS to read a doc (gzip)",
      `≤ ${TARGETS.readingKB} KB`,
      docJs ? `${kb(docJs.jsGzip)} KB` : "—",
      mark(docJs ? docJs.jsGzip / 1024 <= TARGETS.readingKB : null),
    ],
    [
      "JS to edit a doc (gzip)",
      `≤ ${TARGETS.editingKB} KB`,
      Number.isFinite(editKB) ? `${fmt(editKB, 1)} KB` : "—",
      mark(Number.isFinite(editKB) ? editKB <= TARGETS.editingKB : null),
    ],
  ];
  return table(["target", "goal", "measured", ""], rows);
}

const ORDER = [
  "Machine",
  "Targets (issue 3)",
  "Doc page",
  "Section save",
  "JavaScript shipped",
  "Web vitals in Chromium",
  KEYSTROKE,
  "Doc list and search at 1,000 and 10,000 docs",
  "Database overhead: Prisma vs raw pg",
  "Memory (next-server RSS)",
  "Where the doc page's server CPU goes",
  // Written by hand from `npm run test:hardening` (its figures are in test-results/reports/hardening-*.json); kept
  // here.
  "Hardening (npm run test:hardening)",
  "Method",
];

const METHOD = [
  "- Doc page: autocannon, BENCH_SECONDS per URL and level after a warm-up of 100 requests each, " +
    "doc, rendered doc and static in turn; no Accept-Encoding (all uncompressed).",
  '  "doc" is the page as a reader gets it: repeat reads of an unchanged doc come from the page cache ' +
    "(lib/docs/page-cache.ts; the session, access check and the md5 of what the page shows still run per request).",
  '  "rendered" sends the header that bypasses that cache, so every request renders the page: ' +
    "what the first read after each change costs.",
  `  The static page is the doc page's own HTML copied to \`public/${STATIC_NAME}\` (of the snapshot), ` +
    "served by the same `next start`.",
  "  CPU ms/req: the next-server process's user+system CPU time over the run " +
    "(and the in-flight requests it finishes after) per request sent.",
  "  Ratio by server CPU = static CPU ms/req ÷ doc CPU ms/req: the throughput ratio when the server's CPU " +
    "is the bottleneck, less sensitive than req/s to other load on the machine.",
  "- Section save: BENCH_WRITERS writers, BENCH_WRITERS_PER_SECTION per section, " +
    "each writing ~4 KB of Tiptap JSON for BENCH_SECONDS after a 1 s warm-up;",
  "  on 409 a writer takes `error.data.current.version` and retries. " +
    "Raw pg: the same writers, one `UPDATE … WHERE id = $2 AND version = $3` per save.",
  "  Lost updates: per section the stored content must be the acknowledged write with the highest version " +
    "(acknowledged versions unique),",
  "  and each writer's last acknowledged write must be stored or superseded by a later acknowledged one.",
  "- JS: gzip (zlib default level) of each `<script src>` / `<link rel=preload as=script>` in the page's HTML, " +
    "nomodule excluded.",
  "  Editing: every script response Chromium receives on the doc page until an editor is open.",
  "- Web vitals (bench/vitals.mjs): Chromium via Playwright, a fresh context per load (cold cache), " +
    "PerformanceObserver for LCP, FCP, CLS and long tasks;",
  "  TBT = Σ (long task − 50 ms) after FCP until 3 s after `load`. Median of 5 loads, unthrottled and " +
    "with CDP CPU throttling 4× (Lighthouse's mobile CPU factor); no network throttling.",
  '  Lighthouse\'s "good": LCP ≤ 2.5 s, TBT ≤ 200 ms, CLS ≤ 0.1. "images fetched": image responses during a load ' +
    '(those below the fold are lazy); "loads with diagram code": loads in which a script held mermaid\'s own code.',
  "- Doc list and search (bench/list-scaling.mjs): a workspace of its own seeded with set-based SQL " +
    "(generate_series, ~60 words per section, one INSERT per table),",
  "  ANALYZE, then 30 sequential requests per URL with the owner's session (3 warm-up requests not counted); " +
    "then 9,000 more docs and the same again.",
  "  Ratio = figure at 10,000 docs ÷ figure at 1,000: 1.0 is flat.",
  "- Prisma vs raw pg (bench/queries.ts): the app's own domain functions through Prisma, " +
    "and the statements they send (captured from Prisma's query events",
  "  in a first process) replayed through a pg.Pool of the same size, in a second process; " +
    "sequential, alternating blocks of 25, 300 of each.",
  "  The save's pg side also validates the JSON and renders the HTML as saveSection does, inside BEGIN … COMMIT, " +
    "so only the database access differs.",
].join("\n");

function runLine(machine) {
  return `_Measured ${machine.date} (load average at start ${machine.loadAverage}; BENCH_SECONDS=${config.seconds})._`;
}

/** The sections this run measured, by title. */
function renderSections(r) {
  const at = runLine(r.machine);
  const out = new Map();
  const put = (title, body) => out.set(title, `${at}\n\n${body}`);
  out.set("Machine", r.machineTable);
  if (r.docRows && r.save && r.js) put("Targets (issue 3)", targetsTable(r));
  if (r.docRows) put("Doc page", `${docPageFacts(r.page, r.seed)}\n\n${docPageTable(r.docRows)}`);
  if (r.save) {
    put(
      "Section save",
      `${sectionSaveTable(r.save)}\n\nRatio API/raw pg saves/s: **${fmt(r.save.ratio, 3)}**` +
        (r.save.api.detail
          ? `\n\nLast error response from the API: \`${r.save.api.detail}\` (server log: bench/out/server.log)`
          : ""),
    );
  }
  if (r.js) {
    put(
      "JavaScript shipped",
      jsTable(r.js, r.editing) +
        (r.editing.skipped ? `\n\nEditing: not measured — ${r.editing.skipped}.` : "") +
        `\n\nLargest script files of the doc page (reading):\n\n` +
        chunkTable(r.js.find((x) => x.name === "doc page (reading)")) +
        (r.jsSources
          ? `\n\nBy ${process.env.BENCH_JS_SOURCES_BY === "file" ? "source file" : "package"}, gzip KB` +
            " (bench/js-sources.mjs; this run was built with browser source maps, " +
            "whose comment lines add a little to every script):\n\n" +
            sourcesTable(r.jsSources)
          : ""),
    );
  }
  if (r.vitals)
    put(
      "Web vitals in Chromium",
      r.vitals.skipped
        ? `Not measured: ${r.vitals.skipped}.`
        : `${vitalsTable(r.vitals)}\n\n${mediaVitalsLine(r.vitals)}`,
    );
  if (r.keystroke) put(KEYSTROKE, keystrokeTable(r.keystroke));
  if (r.list)
    put(
      "Doc list and search at 1,000 and 10,000 docs",
      `${r.list.sections} sections per doc, ${r.list.requests} sequential requests per row.\n\n` +
        listScalingTable(r.list),
    );
  if (r.queries) put("Database overhead: Prisma vs raw pg", queriesTable(r.queries));
  put("Memory (next-server RSS)", table(["when", "RSS MB", "peak RSS MB"], r.memory));
  if (r.profile) {
    put(
      "Where the doc page's server CPU goes",
      `\`node --cpu-prof\` on a second \`next start\`, doc page at 10 connections for ${config.seconds} s ` +
        `(boot and warm-up excluded); self time, mapped through the server chunks' source maps. ` +
        `${fmt(r.profile.busyMs / r.profile.requests, 1)} ms of busy CPU per page over ${r.profile.requests} pages ` +
        `(profiling adds overhead).\n\n${profileTable(r.profile)}`,
    );
  }
  out.set("Method", METHOD);
  return out;
}

async function main() {
  config = readConfig();
  installSignalHandlers();
  const runId = newRunId();
  const db = await acquireDatabase(runId, { log, onCleanup });
  installSignalHandlers();
  const machine = describeMachine(db);
  log(`parts: ${config.parts.join(", ")}`);
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
  log(
    `doc: /docs/${seedData.doc.slug} (id ${seedData.doc.id}), ${seedData.doc.sections.length} sections, ` +
      `${kb(seedData.doc.jsonBytes)} KB of Tiptap JSON`,
  );

  writeStaticPlaceholder(appDir);
  log("next build of the snapshot (log: bench/out/build.log)");
  log(`built in ${fmt(await buildApp(appDir, env))} s`);
  env.COLLAB_PORT = String(await freePort());
  await startCollab(appDir, env, { onCleanup });
  const app = await startApp(appDir, env, { onCleanup });
  const serverPid = app.serverPid();
  log(`next start on ${app.base} (server pid ${serverPid})`);

  const cookie = await signIn(app.base, seedData.owner.email, PASSWORD);
  const r = { machine, seed: seedData, memory: [memoryRow("after start", serverPid)] };

  if (runs("page")) {
    r.page = await prepareDocPage({
      appDir,
      base: app.base,
      cookie,
      slug: seedData.doc.slug,
      sections: seedData.doc.sections,
    });
    log(
      `doc page: ${kb(r.page.bytes)} KB of HTML; ` +
        `section text in server HTML: ${r.page.sectionsInHtml}/${r.page.sectionCount}`,
    );
    r.docRows = await runDocPageLoad({
      base: app.base,
      cookie,
      slug: seedData.doc.slug,
      seconds: config.seconds,
      levels: config.levels,
      serverPid,
      log,
    });
    r.memory.push(memoryRow("after the doc page load runs", serverPid));
    console.log(`\n${docPageTable(r.docRows)}\n`);
  }
  if (runs("save")) {
    r.save = await runSectionSave({
      base: app.base,
      databaseUrl: db.url,
      writers: seedData.writers,
      password: PASSWORD,
      seconds: config.seconds,
      poolSize: config.poolSize,
      log,
    });
    r.memory.push(memoryRow("after the section save run", serverPid));
    console.log(`\n${sectionSaveTable(r.save)}\nlost updates: ${r.save.api.lost}\n`);
  }
  if (runs("js")) {
    log("JavaScript shipped");
    r.js = await measurePages({
      base: app.base,
      cookie,
      pages: [
        { name: "sign-in", path: "/sign-in", signedIn: false },
        { name: "doc list", path: `/w/${seedData.workspace.slug}`, signedIn: true },
        { name: "doc page (reading)", path: `/docs/${seedData.doc.slug}`, signedIn: true },
        { name: MEDIA_PAGE, path: `/docs/${seedData.mediaDoc.slug}`, signedIn: true },
      ],
    });
    r.editing = await measureEditing({ base: app.base, cookie, slug: seedData.doc.slug, log, outDir: OUT });
    if (process.env.BENCH_JS_SOURCES === "1" && r.editing.editing) {
      const byFile = process.env.BENCH_JS_SOURCES_BY === "file";
      log(`JavaScript by ${byFile ? "source file" : "package"} (browser source maps; BENCH_JS_SOURCES=1)`);
      const stage = async (name, chunks) => ({
        name,
        packages: await attributeScripts(
          app.base,
          chunks.map((c) => c.url),
          byFile ? fileOf : packageOf,
        ),
      });
      r.jsSources = [
        await stage("reading (HTML)", r.js.find((x) => x.name === "doc page (reading)").chunks),
        await stage("+ live read view", r.editing.reading.chunks),
        await stage("+ editing", r.editing.editing.chunks),
      ];
      console.log(`\n${sourcesTable(r.jsSources, byFile ? 150 : 30)}\n`);
      // Every row, for reading with other tools (bench/out is not committed).
      writeFileSync(
        path.join(OUT, "js-sources.json"),
        JSON.stringify(r.jsSources.map((s) => ({ name: s.name, gzip: Object.fromEntries(s.packages) }))),
      );
    }
  }
  if (runs("vitals")) {
    r.vitals = await runVitals({
      base: app.base,
      cookie,
      log,
      pages: [
        { name: "doc page", path: `/docs/${seedData.doc.slug}`, signedIn: true },
        { name: MEDIA_PAGE, path: `/docs/${seedData.mediaDoc.slug}`, signedIn: true },
        { name: "doc list", path: `/w/${seedData.workspace.slug}`, signedIn: true },
      ],
    });
    if (!r.vitals.skipped) console.log(`\n${vitalsTable(r.vitals)}\n`);
  }
  if (runs("collab")) {
    r.keystroke = await runKeystrokeBench({ base: app.base, cookie, doc: seedData.doc, appDir, log });
    console.log(`\n${keystrokeTable(r.keystroke)}\n`);
  }
  if (runs("list")) {
    r.list = await runListScaling({
      base: app.base,
      databaseUrl: db.url,
      cookie,
      ownerEmail: seedData.owner.email,
      runId,
      log,
    });
    r.memory.push(memoryRow("after the list and search runs (10,000 docs)", serverPid));
    console.log(`\n${listScalingTable(r.list)}\n`);
  }
  if (runs("queries")) {
    r.queries = await runQueries({ appDir, env, seed: seedData, log });
    console.log(`\n${queriesTable(r.queries)}\n`);
  }
  if (config.profile) {
    await app.stop();
    r.profile = await profileDocPage({
      appDir,
      env,
      onCleanup,
      cookie,
      slug: seedData.doc.slug,
      seconds: config.seconds,
      log,
    });
    console.log(`\n${profileTable(r.profile)}\n`);
  }

  r.machineTable = machineTable({ ...machine, loadAverageEnd: loadAverage() });
  const header = [
    "# Benchmark results",
    "",
    "Regenerate with `npm run bench` (all parts) or `BENCH_ONLY=list,queries npm run bench` " +
      "(some; the other sections stay from the run that measured them).",
    "Each section names its run; figures depend on the machine and on what else runs on it (see the load average).",
  ].join("\n");
  const file = path.join(ROOT, "bench", "RESULTS.md");
  const markdown = writeMergedResults(file, { header, order: ORDER, fresh: renderSections(r) });
  console.log(`\n${markdown}`);
  log("wrote bench/RESULTS.md");

  const failures = [
    r.page?.missing.length && `section text missing from the server HTML: ${r.page.missing.join(", ")}`,
    r.docRows?.some((x) => x.doc.bad || x.static.bad) && "non-2xx responses or errors during the doc page load runs",
    r.save?.api.serverErrors && `${r.save.api.serverErrors} 5xx responses on section save (last: ${r.save.api.detail})`,
    (r.save?.api.lost || r.save?.raw.lost) && `lost updates: API ${r.save.api.lost}, raw pg ${r.save.raw.lost}`,
  ].filter(Boolean);
  if (failures.length) throw new Error(`correctness checks failed:\n  - ${failures.join("\n  - ")}`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error(
    `\n\x1b[31m[bench] failed:\x1b[0m ${process.env.BENCH_DEBUG ? error?.stack : (error?.message ?? error)}`,
  );
} finally {
  log("stopping everything this run started…");
  await runCleanup();
}
process.exit(exitCode);
