/**
 * Database overhead: the five hottest queries through Prisma (the app's own domain
 * functions) against the very same SQL through raw `pg`, in one process, one at a
 * time, alternating in blocks so both see the same machine. Run by scripts/bench.mjs:
 *
 *   node --conditions=react-server --import tsx bench/queries.ts capture   → prints BENCH_SQL <json>
 *   node --conditions=react-server --import tsx bench/queries.ts time      → prints BENCH_QUERIES <json>
 *
 * `capture` records the statements each operation sends (Prisma's query events);
 * `time` replays them through a pg.Pool of the app's size. The save also does its
 * validation and HTML rendering on the pg side, so only the database access differs.
 */
import { readFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Actor } from "@/lib/auth/session";
import { PrismaClient } from "@/lib/db/generated/client";
import { parseSectionContent } from "@/lib/editor/validate";
import { renderDocToHTML } from "@/lib/editor/render-html";

type Input = { actor: Actor; docId: string; workspaceId: string; sectionKey: string };
type Statement = { query: string; params: unknown[] };
type Op = { name: string; what: string; run: () => Promise<unknown>; rawWork?: () => void };

const mode = process.argv[2];
const input = JSON.parse(process.env.BENCH_QUERIES_INPUT ?? "{}") as Input;
const iterations = Number(process.env.BENCH_QUERIES_ITERATIONS ?? 300);
const block = 25;
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);

// lib/db reuses a client on globalThis: in capture mode, one that reports every statement.
const captured: Statement[] = [];
if (mode === "capture") {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: poolSize }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  (globalThis as { prisma?: unknown }).prisma = client;
}
const { db } = await import("@/lib/db");
const { requireDocAccess } = await import("@/lib/docs/access");
const { getDocForViewer } = await import("@/lib/docs/queries");
const { listDocs } = await import("@/lib/docs/list-docs");
const { saveSection } = await import("@/lib/docs/save-section");

const paragraph = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
let version = 0;
let flip = 0;

function ops(): Op[] {
  const { actor, docId, workspaceId, sectionKey } = input;
  const save = async () => {
    const saved = await saveSection(actor, docId, sectionKey, {
      baseVersion: version,
      content: paragraph(`Edit ${flip++ % 2}`),
    });
    version = saved.version;
  };
  return [
    {
      name: "access check",
      what: "requireDocAccess (lib/docs/access.ts)",
      run: () => requireDocAccess(actor, { id: docId }, "view"),
    },
    {
      name: "doc load",
      what: "getDocForViewer (lib/docs/queries.ts)",
      run: () => getDocForViewer(actor, { id: docId }),
    },
    {
      name: "session actor lookup",
      what: "the user row getActor reads per request (lib/auth/session.ts)",
      run: () =>
        db.user.findUnique({
          where: { id: actor.id },
          select: { id: true, name: true, email: true, sessionVersion: true },
        }),
    },
    { name: "doc list", what: "listDocs (lib/docs/list-docs.ts)", run: () => listDocs(actor, workspaceId, {}) },
    {
      name: "section save",
      what: "saveSection (lib/docs/save-section.ts): transaction with version check, stamps, revision",
      run: save,
      // The pg side does the same JSON validation and HTML rendering, so only the database access differs.
      rawWork: () => {
        const parsed = parseSectionContent(paragraph(`Edit ${flip++ % 2}`));
        if (parsed.ok) renderDocToHTML(parsed.doc);
      },
    },
  ];
}

async function currentVersion(): Promise<number> {
  const row = await db.section.findFirstOrThrow({
    where: { documentId: input.docId, key: input.sectionKey },
    select: { version: true },
  });
  return row.version;
}

async function capture() {
  const out: Record<string, Statement[]> = {};
  for (const op of ops()) {
    version = await currentVersion();
    await op.run(); // warm: lazy loads, the first audit event of the save
    version = await currentVersion();
    captured.length = 0;
    await op.run();
    out[op.name] = captured.splice(0);
  }
  console.log(`BENCH_SQL ${JSON.stringify(out)}`);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

async function time() {
  const statements = JSON.parse(readFileSync(process.env.BENCH_SQL_FILE!, "utf8")) as Record<string, Statement[]>;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: poolSize });
  const results = [];
  for (const op of ops()) {
    const sql = statements[op.name] ?? [];
    const transactional = op.name === "section save";
    const raw = async () => {
      op.rawWork?.();
      const client = await pool.connect();
      try {
        if (transactional) await client.query("BEGIN");
        for (const s of sql) await client.query(s.query, s.params);
        if (transactional) await client.query("COMMIT");
      } finally {
        client.release();
      }
    };
    const prismaTimes: number[] = [];
    const rawTimes: number[] = [];
    version = await currentVersion();
    for (let i = 0; i < block; i++) await op.run(); // warm both paths
    for (let i = 0; i < block; i++) await raw();
    for (let done = 0; done < iterations; done += block) {
      version = await currentVersion();
      for (let i = 0; i < block; i++) {
        const t = performance.now();
        await op.run();
        prismaTimes.push(performance.now() - t);
      }
      for (let i = 0; i < block; i++) {
        const t = performance.now();
        await raw();
        rawTimes.push(performance.now() - t);
      }
    }
    prismaTimes.sort((a, b) => a - b);
    rawTimes.sort((a, b) => a - b);
    results.push({
      name: op.name,
      what: op.what,
      statements: sql.length,
      prisma: { p50: percentile(prismaTimes, 50), p95: percentile(prismaTimes, 95) },
      raw: { p50: percentile(rawTimes, 50), p95: percentile(rawTimes, 95) },
    });
  }
  await pool.end();
  console.log(`BENCH_QUERIES ${JSON.stringify({ iterations, poolSize, results })}`);
}

try {
  await (mode === "capture" ? capture() : time());
} finally {
  await db.$disconnect();
}
