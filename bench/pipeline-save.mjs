/**
 * The content pipeline's write (issue 12), in one process against a PostgreSQL database of
 * its own: commitSectionContent (lock, guard, basis, anchors, validation, text/HTML/hash,
 * section + SectionVersion + doc stamps, effects) against raw pg doing the same logical
 * write (section update + version row + doc stamps in one transaction), with the same
 * writers and pool size:
 *  - 50 writers on one doc (its sections shared, so some saves conflict: 409 and retry);
 *  - 50 writers over 50 docs (one section each: no conflicts, no shared row).
 * After each run every acknowledged save must be what is stored or superseded, and have its
 * version row (0 lost updates). Then: bytes stored per version for one-section saves on a
 * 15 KB and a 60 KB doc (must not grow with the doc), through bench/seed-history.ts.
 *
 *   node --conditions=react-server --import tsx bench/pipeline-save.mjs
 *   BENCH_SECONDS=10 BENCH_WRITERS=50 DATABASE_POOL_SIZE=10
 */
import pg from "pg";
import { withDatabase } from "../scripts/lib/postgres.mjs";
import {
  createTemplateDatabase,
  dropRunDatabases,
  newRunId,
  startTestDatabaseServer,
} from "../scripts/lib/test-env.mjs";
import { fmt, loadAverage, table } from "./lib/report.mjs";
import { checkLostUpdates, newState, rawSectionWrite, runWriters } from "./section-save.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const POOL = Number(process.env.DATABASE_POOL_SIZE ?? 10);

const server = await startTestDatabaseServer();
const runId = newRunId();
try {
  const template = await createTemplateDatabase(server.adminUrl, runId);
  const databaseUrl = withDatabase(server.adminUrl, template);
  process.env.DATABASE_URL = databaseUrl;
  process.env.DATABASE_POOL_SIZE = String(POOL);
  const { createUser } = await import("../prisma/factories.ts");
  const { createDoc } = await import("../lib/docs/create-doc.ts");
  const { commitSectionContent } = await import("../lib/docs/content/index.ts");
  const { isAppError } = await import("../lib/errors.ts");
  const { seedHistory } = await import("./seed-history.ts");
  const { actor, workspace } = await createUser({ name: "Bench writer" });
  const load = loadAverage();

  const oneDoc = await createDoc(actor, workspace.id, { title: "One doc, fifty writers" });
  const keys = (
    await import("../lib/db/index.ts").then(({ db }) =>
      db.section.findMany({ where: { documentId: oneDoc.id }, orderBy: { order: "asc" }, select: { key: true } }),
    )
  ).map((s) => s.key);
  const manyDocs = [];
  for (let i = 0; i < WRITERS; i++) manyDocs.push(await createDoc(actor, workspace.id, { title: `Doc ${i}` }));
  const layouts = {
    [`${WRITERS} writers on one doc (${keys.length} sections)`]: Array.from({ length: WRITERS }, (_, i) => ({
      docId: oneDoc.id,
      key: keys[i % keys.length],
    })),
    [`${WRITERS} writers over ${WRITERS} docs`]: manyDocs.map((d) => ({ docId: d.id, key: "design-overview" })),
  };

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL });
  const current = async (w) =>
    (await client.query(`SELECT id, version FROM "Section" WHERE "documentId" = $1 AND key = $2`, [w.docId, w.key]))
      .rows[0];

  const pipelineWrite = async (w, content) => {
    try {
      const saved = await commitSectionContent({
        docId: w.docId,
        sectionKey: w.key,
        content: JSON.parse(content),
        basis: { kind: "version", version: w.version },
        actor,
        source: "api",
      });
      return { status: 200, version: saved.version };
    } catch (error) {
      if (isAppError(error) && error.code === "CONFLICT")
        return { status: 409, version: error.details?.data?.current?.version };
      return { status: isAppError(error) ? 400 : 500, detail: String(error?.message ?? error) };
    }
  };

  // The same logical write by hand (bench/section-save.mjs): section update, version row, doc stamps, storing the
  // same text and HTML as the pipeline (so PostgreSQL's search triggers index the same words). A hand-written app
  // would render them too; here they are derived once per writer's content and the marker swapped in, so the
  // baseline pays for the write alone and the pipeline's deriving stays in its own figure.
  const { deriveContent } = await import("../lib/docs/content/derive.ts");
  const MARK = "BENCHDERIVEDMARK";
  const derivedByTemplate = new Map();
  const columns = (content, marker) => {
    const template = content.replaceAll(marker, MARK);
    let d = derivedByTemplate.get(template);
    if (!d) {
      const { text, html } = deriveContent(JSON.parse(template));
      d = { text, html };
      derivedByTemplate.set(template, d);
    }
    return { text: d.text.replaceAll(MARK, marker), html: d.html.replaceAll(MARK, marker) };
  };
  const rawWrite = (w, content) => rawSectionWrite(pool, w, content, columns);

  /** Acknowledged saves without their SectionVersion row (history lost). */
  const missingVersions = async (state) => {
    const { rows } = await client.query(
      `SELECT "documentId" || '/' || "sectionKey" || '@' || version AS slot FROM "SectionVersion"
       WHERE "documentId" = ANY($1)`,
      [[...new Set(state.writers.map((w) => w.docId))]],
    );
    const have = new Set(rows.map((r) => r.slot));
    return state.acks.filter((a) => !have.has(`${a.slot}@${a.version}`)).length;
  };

  async function run(writers, write) {
    const state = newState(await Promise.all(writers.map(async (w) => ({ ...w, ...(await current(w)) }))));
    await runWriters(state, performance.now() + 1000, false, write);
    const cpu = process.cpuUsage();
    await runWriters(state, performance.now() + SECONDS * 1000, true, write);
    const used = process.cpuUsage(cpu);
    const cpuPerSave = (used.user + used.system) / 1000 / Math.max(1, state.saves + state.conflicts);
    const lost = (await checkLostUpdates(client, writers, state)) + (await missingVersions(state));
    return {
      saves: state.saves / SECONDS,
      cpuPerSave,
      conflicts: state.conflicts,
      errors: state.serverErrors,
      lost,
      state,
    };
  }

  const rows = [];
  // BENCH_LAYOUTS=docs (or one) runs one layout; BENCH_STORAGE=0 skips the storage figures (a quick loop).
  const only = process.env.BENCH_LAYOUTS;
  for (const [name, writers] of Object.entries(layouts)) {
    if (only && !name.includes(only === "docs" ? "docs" : "one doc")) continue;
    console.log(`pipeline-save: ${name}: the pipeline for ${SECONDS} s`);
    const viaPipeline = await run(writers, pipelineWrite);
    console.log(`pipeline-save: ${name}: raw pg for ${SECONDS} s`);
    const viaRaw = await run(writers, rawWrite);
    if (viaPipeline.state.lastServerError) console.log(`last pipeline error: ${viaPipeline.state.lastServerError}`);
    rows.push([
      name,
      fmt(viaPipeline.saves, 1),
      fmt(viaRaw.saves, 1),
      `**${fmt(viaPipeline.saves / viaRaw.saves, 2)}**`,
      `${viaPipeline.conflicts} / ${viaRaw.conflicts}`,
      `${viaPipeline.errors} / ${viaRaw.errors}`,
      `${fmt(viaPipeline.cpuPerSave, 2)} / ${fmt(viaRaw.cpuPerSave, 2)}`,
      `${viaPipeline.lost} / ${viaRaw.lost}`,
    ]);
  }
  await pool.end();

  // Storage: one-section saves store that section, whatever the size of the doc.
  const storage = [];
  for (const sectionBytes of process.env.BENCH_STORAGE === "0" ? [] : [1024, 4096]) {
    const doc = await createDoc(actor, workspace.id, { title: `Storage ${sectionBytes}` });
    await seedHistory({ docId: doc.id, authors: [actor], versions: keys.length, sectionBytes });
    const before = await client.query(`SELECT max(seq) AS seq FROM "SectionVersion" WHERE "documentId" = $1`, [doc.id]);
    await seedHistory({ docId: doc.id, authors: [actor], versions: 300, sectionBytes });
    const { rows: s } = await client.query(
      `SELECT avg(pg_column_size(v.*))::int AS bytes,
         (SELECT sum(pg_column_size(x.content))::int FROM "Section" x WHERE x."documentId" = $1) AS doc
       FROM "SectionVersion" v WHERE v."documentId" = $1 AND v.seq > $2`,
      [doc.id, before.rows[0].seq],
    );
    storage.push([`${keys.length} sections of ~${sectionBytes / 1024} KB`, fmt(s[0].doc / 1024, 1), s[0].bytes]);
  }
  await client.end();

  console.log(`\n_Load average at start ${load}; ${SECONDS} s per run, pool ${POOL} each way, one process._\n`);
  console.log(
    table(
      [
        "writers",
        "pipeline saves/s",
        "raw pg saves/s",
        "ratio",
        "409s (pipeline / raw)",
        "errors",
        "app CPU ms per try (pipeline / raw)",
        "lost updates",
      ],
      rows,
    ),
  );
  console.log();
  console.log(table(["doc", "stored content KB (jsonb)", "bytes per version row"], storage));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await dropRunDatabases(server.adminUrl, runId).catch(() => undefined);
  await server.stop();
  process.exit();
}
