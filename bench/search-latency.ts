/**
 * Search latency (issue 16): the server time of the doc list's search and the header's search (Ctrl/Cmd+K) on a
 * workspace of BENCH_SEARCH_DOCS docs × 15 sections, against the plain doc list in the same run (the baseline a
 * person already waits for), and against the old "walk" plan for words common apart but rare together.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
 *     node --conditions=react-server --import tsx bench/search-latency.ts
 *
 * A database of its own on DATABASE_URL's server (migrated, dropped at the end); seeded with set-based SQL
 * (bench/list-scaling.mjs), then two planted words: "kestrel" in half the docs, "marmot" in the other half and
 * both in one. Each query runs in-process through the domain function (Prisma and PostgreSQL; no HTTP), sequential,
 * 3 warm-ups then BENCH_SEARCH_RUNS timed runs. Prints a Markdown table and keeps it in bench/RESULTS.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { insertDocs } from "./list-scaling.mjs";
import { fmt, loadAverage, percentile, table } from "./lib/report.mjs";
import { ROOT, applyMigrations, createDatabase, dropDatabase, withDatabase } from "../scripts/lib/postgres.mjs";

const DOCS = Number(process.env.BENCH_SEARCH_DOCS ?? 2000);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 20);
const TITLE = "Search latency (issue 16)";

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number; hits: number }> {
  let hits = 0;
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = await run();
    times.push(performance.now() - started);
    hits = Array.isArray(result) ? result.length : 0;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), hits };
}

/** Replace this benchmark's section of bench/RESULTS.md (or add it before "## Method"). */
function keep(body: string) {
  const file = path.join(ROOT, "bench", "RESULTS.md");
  const text = readFileSync(file, "utf8");
  const section = `## ${TITLE}\n\n${body.trim()}\n\n`;
  const start = text.indexOf(`## ${TITLE}\n`);
  if (start >= 0) {
    const next = text.indexOf("\n## ", start + 4);
    writeFileSync(file, text.slice(0, start) + section + (next >= 0 ? text.slice(next + 1) : ""));
  } else {
    const method = text.indexOf("## Method\n");
    writeFileSync(file, method >= 0 ? text.slice(0, method) + section + text.slice(method) : `${text}\n${section}`);
  }
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("Set DATABASE_URL to a PostgreSQL server (a database of its own is made on it)");
  const name = `dr_bench_search_${Date.now().toString(36)}`;
  await createDatabase(adminUrl, name);
  // Stopped (Ctrl-C, a timeout): the database goes too.
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void dropDatabase(adminUrl, name).finally(() => process.exit(130)));
  const url = withDatabase(adminUrl, name);
  try {
    await applyMigrations(url);
    // lib/db reads DATABASE_URL when first imported: the domain code comes after this line.
    process.env.DATABASE_URL = url;
    const { signUp } = await import("@/lib/auth/sign-up");
    const { listDocs } = await import("@/lib/docs/list-docs");
    const { quickSearch } = await import("@/lib/docs/quick-search");
    const { db } = await import("@/lib/db");

    const email = `bench-search-${Date.now()}@example.test`;
    const { userId } = await signUp({ name: "Bench Searcher", email, password: "correct horse battery" });
    const actor = { id: userId, name: "Bench Searcher", email };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const ws = (await client.query(`SELECT "workspaceId" AS id FROM "Membership" WHERE "userId" = $1`, [userId]))
      .rows[0] as { id: string };
    const started = performance.now();
    // The doc-level vector is kept by per-statement triggers (migration 20261203113000): set-based seeding is fine.
    await insertDocs(client, { workspaceId: ws.id, ownerId: userId, from: 1, to: DOCS });
    // Common apart, rare together: "kestrel" in the even docs, "marmot" in the odd ones, both in doc 2 only.
    await client.query(`UPDATE "Section" SET text = text || ' kestrel'
      WHERE key = 'section-3' AND (substring("documentId" from 8)::int % 2 = 0)`);
    await client.query(`UPDATE "Section" SET text = text || ' marmot'
      WHERE key = 'section-5' AND (substring("documentId" from 8)::int % 2 = 1 OR "documentId" = 'bl-doc-2')`);
    await client.query(`ANALYZE "Document"; ANALYZE "Section"; ANALYZE "Comment"`);
    await client.end();
    const seeded = (performance.now() - started) / 1000;
    console.error(`seeded ${DOCS} docs in ${fmt(seeded, 1)} s`);

    const load = loadAverage();
    const rows: [string, () => Promise<unknown>][] = [
      ["baseline: plain doc list (no search)", () => listDocs(actor, ws.id, {})],
      ['list: prefix "lat" (in every doc)', () => listDocs(actor, ws.id, { q: "lat" })],
      ['list: prefix "zephyr" (in one doc)', () => listDocs(actor, ws.id, { q: "zephyr" })],
      [
        'list: "kestrel marmot" (half the docs each, one doc both)',
        () => listDocs(actor, ws.id, { q: "kestrel marmot" }),
      ],
      [
        'list: "kestrel marmot", old walk plan (before issue 16)',
        () => listDocs(actor, ws.id, { q: "kestrel marmot" }, { plan: "walk" }),
      ],
      ['header (Ctrl/Cmd+K): prefix "lat"', () => quickSearch(actor, { q: "lat" })],
      ['header (Ctrl/Cmd+K): prefix "zephyr"', () => quickSearch(actor, { q: "zephyr" })],
      ['header (Ctrl/Cmd+K): "kestrel marmot"', () => quickSearch(actor, { q: "kestrel marmot" })],
    ];
    const results = [];
    for (const [label, run] of rows) results.push({ label, ...(await time(run)) });
    const base = results[0]!;
    const body = [
      `_Measured ${new Date().toISOString().slice(0, 19)}Z (load average at start ${load}); ` +
        `${DOCS} docs × 15 sections (~60 words each) seeded in ${fmt(seeded, 1)} s; ` +
        `${RUNS} sequential runs per row after 3 warm-ups._`,
      "",
      "Server time: the domain function in-process (Prisma + PostgreSQL), no HTTP. " +
        "Ratio = p50 ÷ the plain list's p50 in the same run. Target: ~100 ms.",
      "",
      table(
        ["query", "hits", "p50 ms", "p95 ms", "ratio p50 vs list"],
        results.map((r) => [r.label, String(r.hits), fmt(r.p50, 1), fmt(r.p95, 1), fmt(r.p50 / base.p50, 2)]),
      ),
    ].join("\n");
    console.log(body);
    keep(body);
    await db.$disconnect();
  } finally {
    await dropDatabase(adminUrl, name).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
