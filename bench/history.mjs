/**
 * Version history (issue 12), in one process against a PostgreSQL database of its own:
 * a doc of 15 sections (~60 KB of Tiptap JSON) given 10,000 versions through the
 * content pipeline's own write (commitSectionContent), then the server time of
 *  - the history panel's first page (listHistory), against the access check every doc
 *    request makes anyway (requireDocAccess) as the baseline;
 *  - a diff of two points 1,000 versions apart (diffHistory: both points read, every
 *    section diffed), against reading the two points alone;
 *  - the doc as of a random point (getPoint, with its stamps then), against the current
 *    doc page's data (getDocPage);
 * and the bytes stored per version, beside the section and doc sizes (a one-section
 * save must cost about a section, not a doc).
 *
 *   node --conditions=react-server --import tsx bench/history.mjs
 *   (BENCH_VERSIONS=10000 BENCH_RUNS=50 by default)
 *
 * Seeding takes minutes. BENCH_KEEP=1 keeps the seeded database (dr_bench_history_<versions>) and a later run with
 * BENCH_KEEP=1 measures on it without seeding again (migrations are applied first), e.g. seed while the machine is
 * busy and measure once it is quiet.
 */
import {
  applyMigrations,
  createDatabase,
  databaseExists,
  dropDatabase,
  withDatabase,
} from "../scripts/lib/postgres.mjs";
import {
  createTemplateDatabase,
  dropRunDatabases,
  newRunId,
  startTestDatabaseServer,
} from "../scripts/lib/test-env.mjs";
import { fmt, kb, loadAverage, percentile, table } from "./lib/report.mjs";

const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const SECTION_BYTES = 4_000;

async function sample(fn, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** ~4 KB of paragraphs, a list and a table: what a written section looks like. */
function sectionContent(key, n) {
  const words = (i) => `The ${key} part ${i} keeps its state in PostgreSQL and caches rendered HTML per version.`;
  const paragraphs = [];
  for (let i = 0; JSON.stringify(paragraphs).length < SECTION_BYTES - 900; i++)
    paragraphs.push({
      type: "paragraph",
      content: [{ type: "text", text: i === 3 ? `${words(i)} Edit ${n}.` : words(i) }],
    });
  const cell = (text) => ({ type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  return {
    type: "doc",
    content: [
      ...paragraphs,
      {
        type: "bulletList",
        content: ["Reads", "Writes", `Revision ${n % 7}`].map((t) => ({
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: t }] }],
        })),
      },
      {
        type: "table",
        content: [
          { type: "tableRow", content: [cell("Store"), cell("Why")] },
          { type: "tableRow", content: [cell("Postgres"), cell(`one store, edit ${n % 5}`)] },
        ],
      },
    ],
  };
}

const server = await startTestDatabaseServer();
const runId = newRunId();
const KEEP = process.env.BENCH_KEEP === "1";
const keptName = `dr_bench_history_${VERSIONS}`;
try {
  let database;
  let reuse = false;
  if (KEEP) {
    reuse = await databaseExists(server.adminUrl, keptName);
    if (!reuse) await createDatabase(server.adminUrl, keptName);
    await applyMigrations(withDatabase(server.adminUrl, keptName));
    database = keptName;
  } else {
    database = await createTemplateDatabase(server.adminUrl, runId);
  }
  process.env.DATABASE_URL = withDatabase(server.adminUrl, database);
  const { createUser, createMember } = await import("../prisma/factories.ts");
  const { createDoc } = await import("../lib/docs/create-doc.ts");
  const { addSection } = await import("../lib/docs/extra-sections.ts");
  const { commitSectionContent } = await import("../lib/docs/content/index.ts");
  const { requireDocAccess } = await import("../lib/docs/access.ts");
  const { getDocPage } = await import("../lib/docs/doc-page.ts");
  const { listHistory } = await import("../lib/history/list-history.ts");
  const { diffHistory } = await import("../lib/history/diff-history.ts");
  const { getPoint } = await import("../lib/history/get-point.ts");
  const { sectionsAsOf } = await import("../lib/history/points.ts");
  const { db } = await import("../lib/db/index.ts");

  const kept = reuse ? await db.document.findFirst({ where: { title: "History bench" }, select: { id: true } }) : null;
  if (reuse && !kept)
    throw new Error(`${keptName} holds no seeded doc: drop it (DROP DATABASE ${keptName}) and re-run`);
  let actor;
  let other;
  let doc;
  if (kept) {
    doc = await db.document.findUniqueOrThrow({ where: { id: kept.id } });
    const author = await db.user.findFirstOrThrow({ where: { name: "Bench Author" } });
    actor = { id: author.id, name: author.name, email: author.email };
    console.log(`(reusing ${keptName}: seeded earlier, not seeded again)`);
  } else {
    const created = await createUser({ name: "Bench Author" });
    actor = created.actor;
    other = await createMember(created.workspace.id, "MEMBER", "Bench Editor");
    doc = await createDoc(actor, created.workspace.id, { title: "History bench" });
    await addSection(actor, doc.id, { title: "Open Questions" });
  }
  const keys = (await db.section.findMany({ where: { documentId: doc.id }, orderBy: { order: "asc" } })).map(
    (s) => s.key,
  );
  const load = loadAverage();

  const seedStarted = performance.now();
  for (let n = 0; n < (kept ? 0 : VERSIONS); n++) {
    const key = keys[n % keys.length];
    const who = n % 3 === 0 ? other.actor : actor;
    await commitSectionContent({
      docId: doc.id,
      sectionKey: key,
      content: sectionContent(key, n),
      basis: { kind: "authoritative" },
      actor: { id: who.id, name: who.name },
      source: "api",
    });
  }
  const seedMs = performance.now() - seedStarted;

  const { headSeq } = await db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { headSeq: true } });
  const seqs = (
    await db.sectionVersion.findMany({ where: { documentId: doc.id }, orderBy: { seq: "asc" }, select: { seq: true } })
  ).map((r) => r.seq);
  const [sizes] = await db.$queryRaw`
    SELECT count(*)::int AS versions, sum(pg_column_size(v.*))::float8 AS row_bytes,
      pg_total_relation_size('"SectionVersion"')::float8 AS table_bytes,
      (SELECT sum(octet_length(s.content::text)) FROM "Section" s WHERE s."documentId" = ${doc.id})::float8
        AS doc_bytes,
      (SELECT avg(octet_length(s.content::text)) FROM "Section" s WHERE s."documentId" = ${doc.id})::float8
        AS section_bytes
    FROM "SectionVersion" v WHERE v."documentId" = ${doc.id}`;

  const ref = { id: doc.id };
  const random = (i) => seqs[Math.floor((((i * 7919) % 997) / 997) * seqs.length)];
  // Warm the schema, the renderer and the connection pool before measuring.
  await listHistory(actor, ref);
  await getPoint(actor, ref, String(headSeq));
  await getDocPage(actor, doc.slug);

  const access = await sample(() => requireDocAccess(actor, ref, "view"));
  const first = await sample(() => listHistory(actor, ref));
  const from = seqs[seqs.length - 1001];
  const diffRuns = Math.max(10, Math.floor(RUNS / 2));
  const diff = await sample(() => diffHistory(actor, ref, { from: { seq: String(from) } }), diffRuns);
  const read2 = await sample(() => Promise.all([sectionsAsOf(doc.id, from), sectionsAsOf(doc.id, headSeq)]), diffRuns);
  const asOf = await sample((i) => getPoint(actor, ref, String(random(i))));
  const page = await sample(() => getDocPage(actor, doc.slug));
  const changed = (await diffHistory(actor, ref, { from: { seq: String(from) } })).sections.filter(
    (s) => s.status !== "unchanged",
  ).length;

  console.log(`\n## Version history (load average ${load})\n`);
  console.log(
    `${VERSIONS.toLocaleString("en")} versions of a ${keys.length}-section doc ` +
      `(${kb(sizes.doc_bytes)} KB of JSON) seeded through commitSectionContent ` +
      (kept
        ? "in an earlier run (BENCH_KEEP=1). "
        : `in ${fmt(seedMs / 1000, 1)} s (${fmt(seedMs / VERSIONS, 2)} ms per commit). `) +
      `Server time, ${RUNS} runs (diff ${diffRuns}):\n`,
  );
  console.log(
    table(
      ["what", "p50 ms", "p95 ms", "target p95", "baseline (same run)", "baseline p95 ms", "ratio p95"],
      [
        [
          "history, first page",
          fmt(first.p50, 1),
          fmt(first.p95, 1),
          "≤ 50",
          "access check alone",
          fmt(access.p95, 1),
          fmt(first.p95 / access.p95, 1),
        ],
        [
          `diff 1,000 versions apart (${changed} sections changed)`,
          fmt(diff.p50, 1),
          fmt(diff.p95, 1),
          "≤ 100",
          "reading the two points alone",
          fmt(read2.p95, 1),
          fmt(diff.p95 / read2.p95, 1),
        ],
        [
          "doc as of a random point, with stamps",
          fmt(asOf.p50, 1),
          fmt(asOf.p95, 1),
          "≤ 100",
          "current doc page data",
          fmt(page.p95, 1),
          fmt(asOf.p95 / page.p95, 1),
        ],
      ],
    ),
  );
  console.log(
    "\n" +
      table(
        ["storage", "value"],
        [
          ["versions stored", String(sizes.versions)],
          ["bytes per version (row, TOASTed as PostgreSQL stores it)", fmt(sizes.row_bytes / sizes.versions)],
          ["bytes per version (table + indexes + TOAST)", fmt(sizes.table_bytes / sizes.versions)],
          ["a section's JSON, as text", fmt(sizes.section_bytes)],
          ["the whole doc's JSON, as text", fmt(sizes.doc_bytes)],
        ],
      ),
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await dropRunDatabases(server.adminUrl, runId).catch(() => undefined);
  if (process.exitCode && KEEP) await dropDatabase(server.adminUrl, keptName).catch(() => undefined);
  await server.stop();
  process.exit();
}
