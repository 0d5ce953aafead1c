// The doc list and search at 1,000 and then 10,000 docs × 15 sections in one
// workspace: seeded with set-based SQL (generate_series; the domain code one doc at
// a time would take an hour), then measured over HTTP — the JSON API and the page —
// with one connection. Flat p50/p95 from 1,000 to 10,000 docs means the indexes do the work.
import pg from "pg";
import { fmt, percentile, table } from "./lib/report.mjs";

const WORDS = [
  "latency",
  "throughput",
  "cache",
  "replica",
  "partition",
  "consensus",
  "queue",
  "schema",
  "migration",
  "rollout",
  "tenant",
  "billing",
  "payment",
  "ledger",
  "webhook",
  "gateway",
  "shard",
  "index",
  "snapshot",
  "backfill",
  "quota",
  "retry",
  "idempotency",
  "audit",
  "encryption",
  "rotation",
  "failover",
  "region",
  "canary",
  "feature",
  "flag",
  "budget",
  "alerting",
  "tracing",
  "storage",
  "archive",
];
const SECTIONS = 15;
export const RARE_TERM = "zephyrine"; // in exactly one doc (the first)

/** Docs `from`..`to` (1-based) in the workspace, 15 sections each, ~60 words of text per section. */
export async function insertDocs(client, { workspaceId, ownerId, from, to }) {
  const words = `ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}]`;
  const n = WORDS.length;
  const pick = (expr) => `(${words})[1 + ((${expr}) % ${n})]`;
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "Document" (id, "workspaceId", slug, title, "authorId", "updatedById", "createdAt", "updatedAt")
     SELECT 'bl-doc-' || i, $1, 'bl-' || i || '-' || ${pick("i * 7")},
            initcap(${pick("i")}) || ' ' || ${pick("i * 3 + 1")} || ' design ' || i, $2, $2,
            now() - make_interval(secs => i * 60), now() - make_interval(secs => i * 37)
     FROM generate_series($3::int, $4::int) i`,
    [workspaceId, ownerId, from, to],
  );
  await client.query(
    `INSERT INTO "Section" (id, "documentId", key, title, "order", content, text, html, version, "updatedById")
     SELECT 'bl-sec-' || i || '-' || j, 'bl-doc-' || i, 'section-' || j, 'Section ' || j, j,
            jsonb_build_object('type', 'doc', 'content',
              jsonb_build_array(jsonb_build_object('type', 'paragraph', 'content',
                jsonb_build_array(jsonb_build_object('type', 'text', 'text', t.body))))),
            t.body, '<p>' || t.body || '</p>', 1, $1
     FROM generate_series($2::int, $3::int) i CROSS JOIN generate_series(0, ${SECTIONS - 1}) j
     CROSS JOIN LATERAL (SELECT (SELECT string_agg(${pick("i * 31 + j * 17 + k * k")}, ' ')
                                 FROM generate_series(1, 60) k)
                                || CASE WHEN i = 1 AND j = 7 THEN ' ${RARE_TERM}' ELSE '' END AS body) t`,
    [ownerId, from, to],
  );
  await client.query("COMMIT");
  await client.query(`ANALYZE "Document"; ANALYZE "Section"`);
}

/** A workspace of the owner's own for the scaling runs, so the other benchmarks' data is not in it. */
export async function createWorkspace(client, ownerId, runId) {
  const id = `bl-ws-${runId}`;
  const slug = `bench-list-${runId}`;
  await client.query(`INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ($1, 'Bench list', $2, now())`, [
    id,
    slug,
  ]);
  await client.query(`INSERT INTO "Membership" (id, "userId", "workspaceId", role) VALUES ($1, $2, $3, 'OWNER')`, [
    `bl-m-${runId}`,
    ownerId,
    id,
  ]);
  return { id, slug };
}

async function timeRequests(url, cookie, count) {
  const times = [];
  for (let i = 0; i < count + 3; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    if (i >= 3) times.push(performance.now() - started); // the first three warm the route
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

function targets(base, ws) {
  const api = `${base}/api/docs?workspace=${ws.slug}`;
  return [
    ["list, JSON API", api],
    [`search "latency" (in most docs), JSON API`, `${api}&q=latency`],
    [`search "${RARE_TERM}" (in one doc), JSON API`, `${api}&q=${RARE_TERM}`],
    [`search "audit trail" (a phrase no doc has), JSON API`, `${api}&q=${encodeURIComponent('"audit trail"')}`],
    ["list, page /w/<workspace>", `${base}/w/${ws.slug}`],
    [`search "latency", page /w/<workspace>?q=`, `${base}/w/${ws.slug}?q=latency`],
  ];
}

export async function runListScaling({ base, databaseUrl, cookie, ownerEmail, runId, requests = 30, log }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const owner = (await client.query(`SELECT id FROM "User" WHERE email = $1`, [ownerEmail])).rows[0];
    const ws = await createWorkspace(client, owner.id, runId);
    const sizes = [];
    let seeded = 0;
    for (const docs of [1000, 10000]) {
      const started = performance.now();
      await insertDocs(client, { workspaceId: ws.id, ownerId: owner.id, from: seeded + 1, to: docs });
      log(
        `list scaling: ${docs} docs × ${SECTIONS} sections seeded ` +
          `(${fmt((performance.now() - started) / 1000, 1)} s for ${docs - seeded} docs)`,
      );
      seeded = docs;
      const rows = [];
      for (const [name, url] of targets(base, ws)) rows.push({ name, ...(await timeRequests(url, cookie, requests)) });
      sizes.push({ docs, rows });
    }
    return { sizes, sections: SECTIONS, requests };
  } finally {
    await client.end();
  }
}

export function listScalingTable(r) {
  const [small, big] = r.sizes;
  return table(
    [
      "request",
      `p50 ms @ ${small.docs}`,
      `p95 ms @ ${small.docs}`,
      `p50 ms @ ${big.docs}`,
      `p95 ms @ ${big.docs}`,
      "ratio p50",
      "ratio p95",
    ],
    small.rows.map((row, i) => {
      const other = big.rows[i];
      return [
        row.name,
        fmt(row.p50, 1),
        fmt(row.p95, 1),
        fmt(other.p50, 1),
        fmt(other.p95, 1),
        fmt(other.p50 / row.p50, 2),
        fmt(other.p95 / row.p95, 2),
      ];
    }),
  );
}
