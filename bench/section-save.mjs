// Section save under concurrent writers: through PUT /api/docs/<id>/sections/<key>
// (the app's whole save path, the content pipeline), then raw pg doing the same logical
// write (section update + version row + doc stamps in one transaction) with the same
// writers, and a lost-update check after each.
import { createHash } from "node:crypto";
import pg from "pg";
import { markerOf, sectionContent } from "./lib/content.mjs";
import { signIn } from "./lib/server.mjs";
import { fmt, percentile, table } from "./lib/report.mjs";

const PLACEHOLDER = "BENCHMARKERPLACEHOLDER";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One ~4 KB section doc per writer, serialised once; each write swaps in a fresh marker. */
function contentTemplate(i) {
  return JSON.stringify(sectionContent({ seed: `writer-${i}`, marker: PLACEHOLDER, targetBytes: 4 * 1024 }));
}

async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const slotOf = (w) => `${w.docId}/${w.key}`;

async function readSections(client, writers) {
  const docIds = [...new Set(writers.map((w) => w.docId))];
  const { rows } = await client.query(
    `SELECT id, "documentId", key, version, content FROM "Section" WHERE "documentId" = ANY($1)`,
    [docIds],
  );
  return new Map(rows.map((r) => [`${r.documentId}/${r.key}`, r]));
}

/**
 * INVARIANT checked: per section, acknowledged versions are unique, and the stored
 * content is the write acknowledged with the highest version; every writer's last
 * acknowledged write is either what the database holds or was superseded by a later
 * acknowledged write (the writer then got a 409 on its next try).
 */
export async function checkLostUpdates(client, writers, state) {
  const stored = await readSections(client, writers);
  const bySlot = new Map();
  for (const ack of state.acks) {
    if (!bySlot.has(ack.slot)) bySlot.set(ack.slot, []);
    bySlot.get(ack.slot).push(ack);
  }
  let lost = 0;
  let duplicateVersions = 0;
  for (const [slot, acks] of bySlot) {
    const row = stored.get(slot);
    const versions = new Set(acks.map((a) => a.version));
    duplicateVersions += acks.length - versions.size;
    const latest = acks.reduce((a, b) => (b.version > a.version ? b : a));
    if (
      !row ||
      row.version < latest.version ||
      (row.version === latest.version && markerOf(row.content) !== latest.marker)
    )
      lost += 1;
  }
  for (const w of state.writers) {
    if (!w.lastAck) continue;
    const row = stored.get(w.slot);
    const superseded = (bySlot.get(w.slot) ?? []).some((a) => a.version > w.lastAck.version);
    if (!superseded && markerOf(row?.content) !== w.lastAck.marker) lost += 1;
  }
  return lost + duplicateVersions;
}

export function newState(writers) {
  return {
    writers: writers.map((w, i) => ({
      ...w,
      index: i,
      slot: slotOf(w),
      template: contentTemplate(i),
      seq: 0,
      lastAck: null,
    })),
    acks: [],
    latencies: [],
    saves: 0,
    conflicts: 0,
    serverErrors: 0,
    otherStatus: {},
    networkErrors: 0,
  };
}

/** Every writer loops until `until`: save, track the version it gets back, retry from the current one on 409. */
export async function runWriters(state, until, record, writeOnce) {
  await Promise.all(
    state.writers.map(async (w) => {
      while (performance.now() < until) {
        const marker = `w${w.index}-${record ? "" : "warm-"}${w.seq++}`;
        const started = performance.now();
        let outcome;
        try {
          outcome = await writeOnce(w, w.template.replace(PLACEHOLDER, marker));
        } catch (error) {
          state.networkErrors += 1;
          state.lastNetworkError = error?.message ?? String(error);
          await sleep(50);
          continue;
        }
        if (record) state.latencies.push(performance.now() - started);
        if (outcome.status === 200) {
          w.version = outcome.version;
          w.lastAck = { version: outcome.version, marker };
          state.acks.push({ slot: w.slot, version: outcome.version, marker });
          if (record) state.saves += 1;
        } else if (outcome.status === 409) {
          w.version = outcome.version;
          if (record) state.conflicts += 1;
        } else if (outcome.status >= 500) {
          state.serverErrors += 1;
          state.lastServerError = outcome.detail;
        } else {
          state.otherStatus[outcome.status] = (state.otherStatus[outcome.status] ?? 0) + 1;
          state.lastOtherError = outcome.detail;
        }
      }
    }),
  );
}

function summarize(state, seconds, lost) {
  const sorted = [...state.latencies].sort((a, b) => a - b);
  return {
    savesPerSecond: state.saves / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    saves: state.saves,
    conflicts: state.conflicts,
    serverErrors: state.serverErrors,
    otherErrors:
      Object.entries(state.otherStatus)
        .map(([s, n]) => `${n}×${s}`)
        .join(", ") + (state.networkErrors ? ` ${state.networkErrors}×network` : ""),
    lost,
    detail: state.lastServerError ?? state.lastOtherError ?? state.lastNetworkError,
  };
}

/**
 * One save through PUT /api/docs/<id>/sections/<key> as writer `w` (its cookie and the
 * version it last saw): { status: 200, version } · { status: 409, version: the current one } · { status, detail }.
 */
/**
 * The pipeline's logical write by hand (raw pg): version-guarded section update, its version row and the doc's
 * stamps in one transaction. { status: 200, version } · { status: 409, version: the current one }.
 * `columns(content, marker)` gives the section's text and HTML to store (what the pipeline stores, so PostgreSQL
 * indexes the same words either way); without it the text is the marker alone and the HTML is left as it was.
 */
export async function rawSectionWrite(pool, w, content, columns = null) {
  const marker = markerOf(JSON.parse(content)) ?? "";
  const hash = createHash("sha256").update(content).digest("hex");
  const derived = columns?.(content, marker) ?? null;
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const s = await c.query(
      `UPDATE "Section" SET content = $1::jsonb, text = $2, "contentHash" = $3, version = version + 1,
         html = coalesce($6, html), "updatedAt" = now(), "updatedById" = "updatedById"
       WHERE id = $4 AND version = $5 RETURNING "documentId", id, key, title, "order", version, "updatedById"`,
      [content, derived?.text ?? marker, hash, w.id, w.version, derived?.html ?? null],
    );
    if (s.rowCount !== 1) {
      await c.query("ROLLBACK");
      const now = await c.query(`SELECT version FROM "Section" WHERE id = $1`, [w.id]);
      return { status: 409, version: now.rows[0].version };
    }
    const row = s.rows[0];
    const v = await c.query(
      `INSERT INTO "SectionVersion" ("documentId", "sectionId", "sectionKey", title, "order", version, kind,
         content, text, "contentHash", "authorId", "authorIds")
       VALUES ($1, $2, $3, $4, $5, $6, 'EDIT', $7::jsonb, $8, $9, $10, ARRAY[$10]::text[]) RETURNING seq`,
      [
        row.documentId,
        row.id,
        row.key,
        row.title,
        row.order,
        row.version,
        content,
        derived?.text ?? marker,
        hash,
        row.updatedById,
      ],
    );
    await c.query(`UPDATE "Document" SET revision = revision + 1, "updatedAt" = now(), "headSeq" = $1 WHERE id = $2`, [
      v.rows[0].seq,
      row.documentId,
    ]);
    await c.query("COMMIT");
    return { status: 200, version: row.version };
  } catch (error) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
}

export function apiWriter(base) {
  return async (w, content) => {
    const res = await fetch(`${base}/api/docs/${w.docId}/sections/${w.key}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", cookie: w.cookie },
      body: `{"baseVersion":${w.version},"content":${content}}`,
    });
    const body = await res.json().catch(() => null);
    if (res.status === 200) return { status: 200, version: body.version };
    if (res.status === 409) {
      const version = body?.error?.data?.current?.version;
      if (!Number.isInteger(version))
        throw new Error(`409 without error.data.current.version: ${JSON.stringify(body).slice(0, 200)}`);
      return { status: 409, version };
    }
    return { status: res.status, detail: JSON.stringify(body)?.slice(0, 300) };
  };
}

export async function runSectionSave({ base, databaseUrl, writers, password, seconds, poolSize, log }) {
  log(`section save: signing in ${writers.length} writers`);
  const cookies = await mapLimit(writers, 4, (w) => signIn(base, w.email, password));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const stored = await readSections(client, writers);
    const initial = (w) => stored.get(slotOf(w));

    // Through the app: HTTP → route handler → saveSection (access, validation, render, transaction, audit).
    const api = newState(writers.map((w, i) => ({ ...w, cookie: cookies[i], version: initial(w).version })));
    const apiWrite = apiWriter(base);
    log("section save: warming up the API (1 s)");
    await runWriters(api, performance.now() + 1000, false, apiWrite);
    log(`section save: ${writers.length} writers through the API for ${seconds} s`);
    await runWriters(api, performance.now() + seconds * 1000, true, apiWrite);
    const apiResult = summarize(api, seconds, await checkLostUpdates(client, writers, api));

    // The floor: the same logical write by hand, through a pool the size of the app's: in one transaction the
    // version-guarded section update, its SectionVersion row and the doc's stamps (revision, updatedAt, headSeq).
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
    const after = await readSections(client, writers);
    const raw = newState(
      writers.map((w) => ({ ...w, id: after.get(slotOf(w)).id, version: after.get(slotOf(w)).version })),
    );
    const rawWrite = (w, content) => rawSectionWrite(pool, w, content);
    log(`section save: the same ${writers.length} writers through raw pg (pool of ${poolSize}) for ${seconds} s`);
    try {
      await runWriters(raw, performance.now() + seconds * 1000, true, rawWrite);
    } finally {
      await pool.end();
    }
    const rawResult = summarize(raw, seconds, await checkLostUpdates(client, writers, raw));
    const sections = new Set(writers.map(slotOf)).size;
    return {
      api: apiResult,
      raw: rawResult,
      ratio: apiResult.savesPerSecond / rawResult.savesPerSecond,
      writers: writers.length,
      sections,
      poolSize,
    };
  } finally {
    await client.end();
  }
}

export function sectionSaveTable(r) {
  const row = (name, x) => [
    name,
    fmt(x.savesPerSecond, 1),
    fmt(x.p50, 1),
    fmt(x.p99, 1),
    x.conflicts,
    x.serverErrors,
    x.otherErrors || "0",
    x.lost,
  ];
  return table(
    ["path", "saves/s", "p50 ms", "p99 ms", "409s", "5xx", "other errors", "lost updates"],
    [
      row("PUT /api/docs/:id/sections/:key", r.api),
      row(`raw pg: section + version row + doc stamps, one transaction (pool ${r.poolSize})`, r.raw),
    ],
  );
}
