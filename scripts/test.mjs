#!/usr/bin/env node
// `npm test`: typecheck, lint, unit, database, e2e and hardening tests, then one
// closing line "N passed, N failed" summed over every runner. `--no-e2e` (npm run
// check) skips the browser and the live-server hardening; `--only=unit,db,e2e,
// typecheck,lint,hardening` picks steps; `--files=x,y` narrows vitest to those
// files, `--name=pattern` to the tests so named. Hardening inside `npm test` is
// the short profile (10 s of writers, 5,000 fuzz payloads); `npm run test:hardening`
// alone runs the full one (30 s, 10,000). HARDENING_SECONDS / HARDENING_FUZZ_TOTAL override.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { ROOT, withDatabase } from "./lib/postgres.mjs";
import {
  cloneDatabase,
  createTemplateDatabase,
  dropRunDatabases,
  findChromium,
  newRunId,
  startTestDatabaseServer,
} from "./lib/test-env.mjs";

const dashdash = process.argv.indexOf("--");
const args = process.argv.slice(2, dashdash === -1 ? undefined : dashdash);
/** Arguments after `--` go to Playwright (e.g. `npm run test:e2e -- -g "sign out"`). */
const playwrightArgs = dashdash === -1 ? [] : process.argv.slice(dashdash + 1);
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const steps = (only ?? ["typecheck", "lint", "format", "unit", "db", "e2e", "hardening"]).filter(
  (s) => !(args.includes("--no-e2e") && (s === "e2e" || s === "hardening")),
);
const fullHardening = steps.length === 1 && steps[0] === "hardening";
/** `--files=a.db.test.ts,b.db.test.ts` narrows the vitest steps to those files (a quick loop on a few tests). */
const files =
  args
    .find((a) => a.startsWith("--files="))
    ?.slice(8)
    .split(",")
    .filter(Boolean) ?? [];
/** `--name=pattern` runs only the vitest tests whose names match (vitest's -t), e.g. one hardening test. */
const namePattern = args.find((a) => a.startsWith("--name="))?.slice(7);
const REPORTS = path.join(ROOT, "test-results", "reports");
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };
/**
 * What failed (and what passed only on a retry), printed last: CI keeps only the tail of the output, and a count
 * alone does not say which test to read.
 */
const failures = [];
const firstLine = (text) =>
  String(text ?? "")
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .map((l) => l.trim())
    .find(Boolean)
    ?.slice(0, 200) ?? "";
/** Each step's wall time, printed at the end (what CI time goes to). */
const timings = [];
const say = (msg) => {
  const now = performance.now();
  if (timings.length) timings[timings.length - 1].ms = now - timings[timings.length - 1].started;
  timings.push({ step: msg, started: now, ms: 0 });
  console.log(`\n\x1b[1m▶ ${msg}\x1b[0m`);
};
function printTimings() {
  const last = timings[timings.length - 1];
  if (last && !last.ms) last.ms = performance.now() - last.started;
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  console.log("\nstep durations:");
  for (const t of timings) console.log(`  ${(t.ms / 1000).toFixed(0).padStart(5)} s  ${t.step}`);
  console.log(`  ${(total / 1000).toFixed(0).padStart(5)} s  total`);
}

function run(cmd, argv, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, {
      stdio: "inherit",
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** A check's output, stdout and stderr in the order written, kept to be printed whole once it ends. */
function runQuietly(cmd, argv, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, {
      stdio: ["ignore", "pipe", "pipe"],
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.stdout.isTTY ? "1" : "0", ...env },
    });
    const chunks = [];
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => chunks.push(chunk));
    child.on("error", (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks) }));
  });
}

/**
 * The checks without a test count (tsc, eslint, prettier) count as one test each. They run at once, each on a core
 * of its own (about 70 s one after another, the slowest of them at once), and each one's output is printed whole
 * under its own heading in a fixed order, so a failure reads as if they had run one after another.
 */
async function checks(list) {
  if (!list.length) return;
  say(`${list.map((c) => c.name).join(", ")} (at once)`);
  const started = performance.now();
  const results = list.map((c) =>
    runQuietly(c.cmd, c.argv).then((result) => ({ ...result, ms: performance.now() - started })),
  );
  for (const [i, c] of list.entries()) {
    const { code, output, ms } = await results[i];
    const verdict = code === 0 ? "ok" : `failed (exit ${code})`;
    console.log(`\n\x1b[1m▷ ${c.name}: ${verdict}, ${(ms / 1000).toFixed(0)} s\x1b[0m`);
    if (output.length) process.stdout.write(output);
    totals[code === 0 ? "passed" : "failed"] += 1;
    if (code !== 0) failures.push(`${c.name}: exit ${code}`);
    if (c.step === "typecheck") typeChecked = code === 0;
  }
}

/**
 * Vitest's default (cores - 1 workers) runs the files one at a time on a 2-core machine. The database files: their
 * worker kept one core busy while PostgreSQL took well under a core (~50 s of CPU over the whole step). The unit
 * files: 37 s with one worker, 24 s with two. Three workers for the database files were no faster (155 s vs 144 s).
 */
const workersOf = { db: Math.max(2, availableParallelism() - 1), unit: Math.max(2, availableParallelism() - 1) };

/**
 * One vitest project. `heading: false` when the caller has printed the step's heading; with `printAfter` (a promise)
 * the output is kept and printed whole once that promise is settled too: a project run beside another prints after
 * it, not into it.
 */
async function vitest(project, env, { heading = true, printAfter = null } = {}) {
  if (heading) say(`vitest ${project}`);
  const out = path.join(REPORTS, `vitest-${project}.json`);
  const argv = [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
    ...(workersOf[project] ? [`--maxWorkers=${workersOf[project]}`] : []),
    ...files,
    ...(namePattern ? ["-t", namePattern] : []),
    // Narrowed to some files or tests, a project of the step may hold none of them.
    ...(files.length || namePattern ? ["--passWithNoTests"] : []),
  ];
  let code;
  if (printAfter) {
    const result = await runQuietly(bin("vitest"), argv, env);
    await printAfter.catch(() => {});
    console.log(`\n\x1b[1m▷ vitest ${project} (ran at the same time)\x1b[0m`);
    process.stdout.write(result.output);
    code = result.code;
  } else code = await run(bin("vitest"), argv, env);
  const report = readJson(out);
  if (!report) {
    failures.push(`vitest ${project}: no report (exit ${code})`);
    return void (totals.failed += 1);
  }
  for (const file of report.testResults ?? []) {
    const where = path.relative(ROOT, file.name ?? "");
    const failed = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failed) failures.push(`${project} ${where} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    if (!failed.length && file.status === "failed") failures.push(`${project} ${where}: ${firstLine(file.message)}`);
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

/** `next typegen` then `tsc --noEmit` in one child (argv: the two binaries), stopping at the first failure. */
const TYPECHECK_WITH_ROUTE_TYPES = `
const { spawnSync } = require("node:child_process");
const [next, tsc] = process.argv.slice(1);
for (const [bin, args] of [[next, ["typegen"]], [tsc, ["--noEmit"]]]) {
  const { status, error } = spawnSync(bin, args, { stdio: "inherit" });
  if (error) console.error(error.message);
  if (status !== 0) process.exit(status ?? 1);
}`;
/** True when this run's typecheck passed: the e2e build need not type-check the same tree again. */
let typeChecked = false;

/** True when this run built the app (for e2e), so the hardening step can serve that build. */
let builtApp = false;

async function e2e(adminUrl, template, runId) {
  const chromium = await findChromium();
  if (!chromium) {
    console.error("e2e: no Chromium found — install one with `apt-get install -y chromium` (or set CHROMIUM_PATH).");
    totals.failed += 1;
    return;
  }
  const databaseUrl = await cloneDatabase(adminUrl, template, `dr_t${runId}_e2e`, { durable: false });
  const env = {
    DATABASE_URL: databaseUrl,
    CHROMIUM_PATH: chromium,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123",
    NODE_ENV: "production",
  };
  // E2E_REUSE_BUILD=1 serves the last build as it is (a quick loop on tests alone; CI always builds).
  if (process.env.E2E_REUSE_BUILD === "1" && existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.log("e2e: E2E_REUSE_BUILD=1, serving the existing .next build");
  } else {
    say("next build");
    const buildEnv = {
      ...env,
      // next.config.ts: the type check this run's typecheck step has done (route types included) is not run again.
      ...(typeChecked ? { NEXT_BUILD_TYPECHECK: "off" } : {}),
      // next.config.ts: a fresh CI checkout never reads Turbopack's build cache, so it is not written there.
      ...(process.env.CI ? { NEXT_BUILD_CACHE: "off" } : {}),
    };
    if ((await run(bin("next"), ["build"], buildEnv)) !== 0) return void (totals.failed += 1);
  }
  builtApp = true;
  say("playwright");
  const out = path.join(REPORTS, "playwright.json");
  const code = await run(bin("playwright"), ["test", ...playwrightArgs], {
    ...env,
    NODE_ENV: undefined,
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    E2E_ADMIN_URL: adminUrl,
    E2E_TEMPLATE_DB: template,
  });
  const report = readJson(out);
  const stats = report?.stats;
  if (!stats) {
    failures.push(`playwright: no report (exit ${code})`);
    return void (totals.failed += 1);
  }
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const last = test.results?.findLast((r) => r.status !== "passed") ?? test.results?.at(-1);
        const name = [...titles, spec.title].filter(Boolean).join(" › ");
        const why = firstLine(last?.error?.message ?? last?.errors?.[0]?.message ?? last?.status);
        failures.push(
          `${test.status === "flaky" ? "flaky (passed on retry)" : "e2e"} ${spec.file}:${spec.line} › ${name}: ${why}`,
        );
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title === child.file ? "" : child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
  totals.skipped += stats.skipped;
}

async function main() {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  await checks(
    [
      // The route types first (`next typegen`: what `next build` checks pages and layouts against), so that this
      // check is the whole of the build's own, which the e2e build then skips (typeChecked below).
      {
        step: "typecheck",
        name: "typecheck",
        cmd: process.execPath,
        argv: ["-e", TYPECHECK_WITH_ROUTE_TYPES, bin("next"), bin("tsc")],
      },
      { step: "lint", name: "lint", cmd: bin("eslint"), argv: ["--max-warnings", "0", "."] },
      {
        step: "format",
        name: "format (prettier --check)",
        cmd: bin("prettier"),
        argv: ["--check", "--log-level", "warn", "."],
      },
    ].filter((c) => steps.includes(c.step)),
  );
  if (steps.includes("unit")) await vitest("unit", {});

  if (steps.includes("db") || steps.includes("e2e") || steps.includes("hardening")) {
    const server = await startTestDatabaseServer();
    const runId = newRunId();
    try {
      say(`test databases on ${server.where}`);
      const template = await createTemplateDatabase(server.adminUrl, runId, { durable: false });
      const dbEnv = {
        TEST_ADMIN_URL: server.adminUrl,
        TEST_TEMPLATE_DB: template,
        DATABASE_URL: withDatabase(server.adminUrl, template),
      };
      if (steps.includes("db")) await vitest("db", dbEnv);
      if (steps.includes("e2e")) await e2e(server.adminUrl, template, runId);
      if (steps.includes("hardening")) {
        const hardeningEnv = {
          ...dbEnv,
          HARDENING_SECONDS: process.env.HARDENING_SECONDS ?? (fullHardening ? "30" : "10"),
          HARDENING_FUZZ_TOTAL: process.env.HARDENING_FUZZ_TOTAL ?? (fullHardening ? "10000" : "5000"),
          // Serve the e2e build rather than building again; alone, the step builds a snapshot of its own.
          ...(builtApp ? { HARDENING_APP_DIR: ROOT } : {}),
        };
        // The server files spend about half their time waiting on the servers they start, stop and kill (the CPU
        // about 45 % idle on 2 cores); the hostile-input files, in-process, use that time (183 → 135 s, quiet machine).
        say("vitest hardening, hardening-input (at once)");
        const servers = vitest("hardening", hardeningEnv, { heading: false });
        await Promise.all([servers, vitest("hardening-input", hardeningEnv, { heading: false, printAfter: servers })]);
      }
    } finally {
      await dropRunDatabases(server.adminUrl, runId).catch((e) =>
        console.error(`could not drop test databases: ${e.message}`),
      );
      await server.stop();
    }
  }

  printTimings();
  if (failures.length) console.log(`\nwhat failed:\n${failures.map((f) => `  ✘ ${f}`).join("\n")}`);
  console.log(
    `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
  );
  process.exit(totals.failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
