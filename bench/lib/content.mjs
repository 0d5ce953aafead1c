// Deterministic Tiptap JSON that looks like a real design doc: headings, marked-up
// paragraphs, bullet and ordered lists, tables and highlighted code blocks.
// Shared by bench/seed.ts (the doc under load) and bench/section-save.mjs (the writes).

const WORDS = (
  "service request queue cache ledger payment tenant shard replica index latency budget " +
  "retry idempotency key webhook consumer producer schema migration rollout canary flag " +
  "region failover snapshot audit token session quota limit throughput backlog worker " +
  "partition offset checkpoint compaction invariant contract client server gateway proxy"
).split(" ");

/** mulberry32 seeded by a string: the same key gives the same doc on every run. */
function rng(seed) {
  let h = 1779033703;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
const text = (t, marks) => (marks ? { type: "text", text: t, marks } : { type: "text", text: t });
const para = (...content) => ({ type: "paragraph", content });
const item = (t) => ({ type: "listItem", content: [para(text(t))] });

function sentence(r, words) {
  const out = Array.from({ length: words }, () => pick(r, WORDS));
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(" ")}.`;
}

function richParagraph(r) {
  return para(
    text(`${sentence(r, 12)} `),
    text(sentence(r, 4), [{ type: "bold" }]),
    text(` ${sentence(r, 8)} `),
    text(`${pick(r, WORDS)}_${pick(r, WORDS)}()`, [{ type: "code" }]),
    text(" — see the "),
    text("runbook", [{ type: "link", attrs: { href: `https://example.com/runbooks/${pick(r, WORDS)}` } }]),
    text(`. ${sentence(r, 10)}`, [{ type: "italic" }]),
  );
}

function table(r) {
  const cell = (type, t) => ({ type, content: [para(text(t))] });
  const rows = [{ type: "tableRow", content: ["Risk", "Likelihood", "Mitigation"].map((h) => cell("tableHeader", h)) }];
  for (let i = 0; i < 4; i++) {
    rows.push({
      type: "tableRow",
      content: [sentence(r, 3), pick(r, ["Low", "Medium", "High"]), sentence(r, 7)].map((t) => cell("tableCell", t)),
    });
  }
  return { type: "table", content: rows };
}

const CODE = {
  sql: (r) =>
    `CREATE INDEX CONCURRENTLY ${pick(r, WORDS)}_idx\n` +
    `  ON "${pick(r, WORDS)}" ("tenantId", "createdAt" DESC);\n` +
    `SELECT id, status FROM ${pick(r, WORDS)} WHERE "tenantId" = $1 LIMIT 50;`,
  typescript: (r) =>
    `export async function ${pick(r, WORDS)}Handler(req: Request): Promise<Response> {\n` +
    `  const key = req.headers.get("Idempotency-Key");\n` +
    `  if (!key) return new Response("missing key", { status: 400 });\n` +
    `  return Response.json(await ${pick(r, WORDS)}.process(key));\n}`,
};

function block(r, i) {
  switch (i % 6) {
    case 0:
      return { type: "heading", attrs: { level: 3 }, content: [text(sentence(r, 3).slice(0, -1))] };
    case 1:
    case 4:
      return richParagraph(r);
    case 2:
      return { type: "bulletList", content: Array.from({ length: 4 }, () => item(sentence(r, 9))) };
    case 3:
      return {
        type: "codeBlock",
        attrs: { language: pick(r, ["sql", "typescript"]) },
        content: [text(CODE[pick(r, ["sql", "typescript"])](r))],
      };
    default:
      return {
        type: "orderedList",
        attrs: { start: 1 },
        content: Array.from({ length: 3 }, () => item(sentence(r, 8))),
      };
  }
}

/**
 * A section doc whose size, as `measure` counts it (default: JSON length), is as
 * close to `targetBytes` as whole blocks allow; its first paragraph carries `marker` (a plain token, so
 * it survives HTML escaping unchanged). The block mix starts at a seed-dependent
 * point, so across a doc every kind of block appears; `table` adds a risk table.
 */
export function sectionContent({
  seed,
  marker,
  targetBytes,
  table: withTable = false,
  measure = (doc) => JSON.stringify(doc).length,
}) {
  const r = rng(seed);
  const offset = Math.floor(r() * 6);
  const content = [para(text(`Marker ${marker} opens this section. `), text(sentence(r, 10)))];
  if (withTable) content.push(table(r));
  let size = measure({ type: "doc", content });
  for (let i = offset; size < targetBytes && content.length < 500; i++) {
    const next = block(r, i);
    const after = measure({ type: "doc", content: [...content, next] });
    // Take the block only if it lands closer to the target than stopping here.
    if (after - targetBytes > targetBytes - size) break;
    content.push(next);
    size = after;
  }
  return { type: "doc", content };
}

export const markerOf = (doc) => /Marker (\S+) opens/.exec(doc?.content?.[0]?.content?.[0]?.text ?? "")?.[1] ?? null;
