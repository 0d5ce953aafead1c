/**
 * Markdown import (issues 13 and 15), in one process against a PostgreSQL database
 * of its own:
 *  - a 150 KB arc42-style doc imported end to end (importMarkdown: access, the worker's
 *    parse/validate/render, the one transaction) against creating an empty doc from the
 *    template (the same transaction without content) and markdown-it's bare parse;
 *  - 1 MB of every ASCII punctuation character through the worker, with this thread's
 *    event-loop delay while they run (what /api/health would wait);
 *  - the parser @tiptap/markdown builds, on runs of "[", against ours (it was quadratic).
 *
 *   node --conditions=react-server --import tsx bench/markdown-import.mjs
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import MarkdownIt from "markdown-it";
import { MarkdownManager } from "@tiptap/markdown";
import { withDatabase } from "../scripts/lib/postgres.mjs";
import {
  createTemplateDatabase,
  dropRunDatabases,
  newRunId,
  startTestDatabaseServer,
} from "../scripts/lib/test-env.mjs";
import { fmt, loadAverage, table } from "./lib/report.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn, runs = RUNS) {
  return (await timedWithCpu(fn, runs)).ms;
}

/**
 * Median wall time and median CPU time of this process (every thread: this one and the parser's worker;
 * PostgreSQL's own work is not in it). CPU time moves much less than wall time with the machine's load.
 */
async function timedWithCpu(fn, runs = RUNS) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu) };
}

const server = await startTestDatabaseServer();
const runId = newRunId();
try {
  const template = await createTemplateDatabase(server.adminUrl, runId);
  process.env.DATABASE_URL = withDatabase(server.adminUrl, template);
  const { createUser } = await import("../prisma/factories.ts");
  const { createDoc } = await import("../lib/docs/create-doc.ts");
  const { importMarkdown } = await import("../lib/docs/import/import-markdown.ts");
  const { convertMarkdown } = await import("../lib/markdown/run.ts");
  const { arc42Doc } = await import("../lib/markdown/fixtures/arc42.ts");
  const { markdownToContent } = await import("../lib/markdown/content.ts");
  const { docExtensions } = await import("../lib/editor/extensions.ts");
  const { actor, workspace } = await createUser({ name: "Bench" });
  const markdown = arc42Doc(150);
  const load = loadAverage();

  // Warm both paths (schema, grammars, the worker) before measuring.
  await importMarkdown(actor, workspace.id, { markdown });
  await createDoc(actor, workspace.id, { title: "warm" });
  const imported = await timedWithCpu(() => importMarkdown(actor, workspace.id, { markdown }));
  const created = await timedWithCpu(() => createDoc(actor, workspace.id, { title: "Empty doc" }));
  const md = new MarkdownIt("default", { html: true, linkify: true });
  const parsed = await timedWithCpu(() => md.parse(markdown, {}));

  // Hostile input through the worker, this thread's event loop watched meanwhile.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let slowest = 0;
  let slowestUnit = "";
  const outcomes = {};
  for (const unit of "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") {
    const started = performance.now();
    const outcome = await convertMarkdown(unit.repeat(1_000_000)).then(
      () => "content",
      (e) => e.code ?? "crash",
    );
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const ms = performance.now() - started;
    if (ms > slowest) [slowest, slowestUnit] = [ms, unit];
  }
  delay.disable();

  const tiptap = new MarkdownManager({ extensions: docExtensions });
  const quadratic = [];
  for (const n of [8_000, 16_000, 32_000]) {
    const input = "[".repeat(n);
    const theirs = await timed(() => tiptap.parse(input), 1);
    const ours = await timed(() => markdownToContent(input), 3);
    quadratic.push([`${n / 1000}k "["`, fmt(theirs), fmt(ours, 1), fmt(theirs / ours, 0)]);
  }

  console.log(`\n## Markdown import (load average ${load})\n`);
  const row = (what, r) => [what, fmt(r.ms), fmt(r.ms / created.ms, 1), fmt(r.cpuMs), fmt(r.cpuMs / parsed.cpuMs, 1)];
  console.log(
    table(
      ["what (median of " + RUNS + ")", "ms", "ms vs empty doc", "CPU ms (this process)", "CPU vs bare parse"],
      [
        row(`import a 150 KB arc42 doc (${(markdown.length / 1024).toFixed(0)} KB), end to end`, imported),
        row("create an empty doc from the template (baseline)", created),
        row("markdown-it's bare parse of the same file (baseline)", parsed),
      ],
    ),
  );
  console.log(
    "\n" +
      table(
        ["1 MB of each of 32 punctuation characters, in the worker", "value"],
        [
          [
            "outcomes",
            Object.entries(outcomes)
              .map(([k, v]) => `${v} × ${k}`)
              .join(", "),
          ],
          ["slowest", `${fmt(slowest)} ms (${JSON.stringify(slowestUnit)})`],
          [
            "this thread's event-loop delay, p99 / max",
            `${fmt(delay.percentile(99) / 1e6)} / ${fmt(delay.max / 1e6)} ms`,
          ],
        ],
      ),
  );
  console.log("\n" + table(["input", "@tiptap/markdown ms", "ours ms", "ratio"], quadratic));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await dropRunDatabases(server.adminUrl, runId).catch(() => undefined);
  await server.stop();
  // The parser's idle worker would keep the process alive.
  process.exit();
}
