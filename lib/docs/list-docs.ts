import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "@/lib/workspaces/access";
import type { DocListItemDTO, DocStatus } from "./dto";
import { ZDocListQuery } from "./schemas";
import { commentsOf, searchTerms, searchTsquery, sectionsOf } from "./search-query";

const PAGE_SIZE = 100;

type Row = {
  id: string;
  status: DocStatus;
  slug: string;
  title: string;
  authorId: string;
  authorName: string;
  updatedAt: Date;
  updatedById: string;
  updatedByName: string;
  archivedAt: Date | null;
  filled: number;
  total: number;
  matchKey: string | null;
  matchTitle: string | null;
  snippet: string | null;
  threadId: string | null;
  threadQuote: string | null;
  threadSection: string | null;
  threadSectionTitle: string | null;
  commentSnippet: string | null;
};

// Inlined (not a CTE) wherever it is used, so the planner sees the query's lexemes and
// estimates the GIN scans from the column statistics.
const tsquery = (q: string) => searchTsquery(q);

type ExplainJson = [{ Plan: { Plans?: { "Plan Rows": number }[] } }];

/**
 * Whether to drive a search from the GIN indexes (true) or walk the docs in list order
 * (false), from the planner's estimate of how many sections match (column statistics;
 * EXPLAIN reads no rows). The GIN plan costs about one heap row per matching section
 * (`hits`); the walk, about PAGE_SIZE ÷ share sections checked before the page is full
 * (`all` ÷ `hits` × PAGE_SIZE). The GIN plan wins while hits² ≤ PAGE_SIZE × all: a term
 * in ≤ 2.6% of 150,000 sections, ≤ 8% of 15,000. PostgreSQL's own costing cannot be left
 * to choose: given both, it read the 33,000 sections holding a common word through the GIN
 * index (300 ms at 10,000 docs) rather than walk 100 docs (1 ms).
 * Its limit: terms common apart but rare together ("latency cache") are estimated common,
 * and the walk then reads the whole workspace.
 */
async function rareInSections(q: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": ExplainJson }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Section" s WHERE s.search @@ ${tsquery(q)} UNION ALL SELECT 1 FROM "Section"`;
  const [hits, all] = row?.["QUERY PLAN"]?.[0]?.Plan?.Plans?.map((p) => p["Plan Rows"]) ?? [];
  // An unexpected plan shape: the GIN plan is right whatever the term (slower only if common).
  if (typeof hits !== "number" || typeof all !== "number") return true;
  return hits * hits <= PAGE_SIZE * all;
}

/**
 * The workspace's docs, filtered in SQL. With `q`, PostgreSQL full-text search
 * over titles and section text (GIN indexes on generated tsvectors); each hit
 * names its best-matching section with a snippet (terms wrapped in « »).
 *
 * The search runs one of two plans, neither reading the whole workspace (see rareInSections):
 * - a rare term: the GIN indexes give the candidate docs (title hits in the workspace ∪
 *   docs with a matching section), and only those are filtered, sorted and paged;
 * - a common term: the docs are walked in list order through the sort's index, each
 *   checked (title tsvector, then its sections via Section(documentId, …)) until the page
 *   is full — quick precisely because matches are common.
 * Ranking the sections, the filled/total counts and ts_headline run only for the page shown.
 *
 * `opts.plan` is for tests, to run each plan on a few docs.
 */
export async function listDocs(
  actor: Actor,
  workspaceId: string,
  rawQuery: unknown = {},
  opts: { plan?: "index" | "walk" } = {},
): Promise<DocListItemDTO[]> {
  await requireWorkspace(actor, { id: workspaceId }, "doc.view");
  const query = parseInput(ZDocListQuery, rawQuery);
  const q = query.q?.trim() || null;
  const conditions: Prisma.Sql[] = [Prisma.sql`d."workspaceId" = ${workspaceId}`];
  if (query.archived === "only") conditions.push(Prisma.sql`d."archivedAt" IS NOT NULL`);
  else if (query.archived !== "include") conditions.push(Prisma.sql`d."archivedAt" IS NULL`);
  if (query.author) conditions.push(Prisma.sql`d."authorId" = ${query.author}`);
  if (query.status) conditions.push(Prisma.sql`d.status = ${query.status}::"DocStatus"`);

  // Each sort has a (workspaceId, <key>) index, so the plain list and the common-term walk
  // read the first page of docs in order instead of sorting the whole workspace.
  const order = (t: "d" | "p") => {
    const c = Prisma.raw(t);
    return query.sort === "title"
      ? Prisma.sql`lower(${c}.title) ASC`
      : query.sort === "created"
        ? Prisma.sql`${c}."createdAt" DESC`
        : Prisma.sql`${c}."updatedAt" DESC`;
  };

  let searchJoin = Prisma.empty;
  if (q) {
    // Several words: the doc-level vector (title and every section) holds them all in one GIN lookup, so words
    // common apart but rare together are found without a walk; one word: the estimate decides (rareInSections).
    const together = searchTerms(q).length > 1;
    const rare = opts.plan ? opts.plan === "index" : together || (await rareInSections(q));
    if (rare) {
      // ARRAY(…) is computed once and read through Document's primary key; as an IN
      // (subquery), the planner may hash it against a scan of every doc in the workspace.
      const docs = together
        ? Prisma.sql`SELECT t.id FROM "Document" t
            WHERE t."workspaceId" = ${workspaceId} AND t."searchAll" @@ ${tsquery(q)}`
        : Prisma.sql`SELECT t.id FROM "Document" t WHERE t."workspaceId" = ${workspaceId} AND t.search @@ ${tsquery(q)}
        UNION
        SELECT s."documentId" FROM "Section" s WHERE s.search @@ ${tsquery(q)}`;
      conditions.push(Prisma.sql`d.id = ANY (ARRAY(
        ${docs}
        UNION
        SELECT th."documentId" FROM "Comment" c JOIN "CommentThread" th ON th.id = c."threadId"
        WHERE c.search @@ ${tsquery(q)} AND c."deletedAt" IS NULL))`);
    } else {
      // LATERAL … LIMIT 1, not EXISTS: PostgreSQL would turn an EXISTS under OR into a
      // hashed subplan that reads every matching section in the database first.
      const doc = Prisma.sql`d.id`;
      searchJoin = Prisma.sql`LEFT JOIN LATERAL (
        SELECT true AS hit FROM ${sectionsOf(doc)} s WHERE s.search @@ ${tsquery(q)} LIMIT 1) sh ON true
        LEFT JOIN LATERAL (
        SELECT true AS hit FROM ${commentsOf(doc)} c WHERE c.search @@ ${tsquery(q)} LIMIT 1) ch ON true`;
      conditions.push(Prisma.sql`(d.search @@ ${tsquery(q)} OR sh.hit OR ch.hit)`);
    }
  }

  const match = q
    ? Prisma.sql`LEFT JOIN LATERAL (
        SELECT s.key, s.title, s.text
        FROM ${sectionsOf(Prisma.sql`p.id`)} s
        WHERE s.search @@ ${tsquery(q)}
        ORDER BY ts_rank(s.search, ${tsquery(q)}) DESC, s."order" ASC
        LIMIT 1) m ON true`
    : Prisma.sql`LEFT JOIN LATERAL (SELECT NULL::text AS key, NULL::text AS title, NULL::text AS text) m ON true`;
  // ts_headline parses the text again: runs without spaces are cut every 64 characters first, as
  // for the index (migration 20261203081201), or one hostile section holds every search for minutes.
  const headlineText = Prisma.sql`regexp_replace(m.text, '[^[:space:]]{64}', '\\& ', 'g')`;
  const headlineOptions = `StartSel=«, StopSel=», MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=" … "`;
  // No section holds the words: a comment may. The hit names its thread (and the words it is on).
  const commentMatch = q
    ? Prisma.sql`LEFT JOIN LATERAL (
        SELECT c.id, c.quote, c."sectionKey", ts.title AS "sectionTitle", c.text
        FROM ${commentsOf(Prisma.sql`p.id`)} c
        LEFT JOIN "Section" ts ON ts."documentId" = c."documentId" AND ts.key = c."sectionKey"
        WHERE m.key IS NULL AND c.search @@ ${tsquery(q)}
        ORDER BY c."createdAt" ASC
        LIMIT 1) cm ON true`
    : Prisma.sql`LEFT JOIN LATERAL (
        SELECT NULL::text AS id, NULL::text AS quote, NULL::text AS "sectionKey", NULL::text AS "sectionTitle",
          NULL::text AS text) cm ON true`;
  const commentSnippet = q
    ? Prisma.sql`CASE WHEN cm.id IS NULL THEN NULL ELSE ts_headline('english',
        regexp_replace(cm.text, '[^[:space:]]{64}', '\\& ', 'g'), ${tsquery(q)}, ${headlineOptions}) END`
    : Prisma.sql`NULL::text`;
  const snippet = q
    ? Prisma.sql`ts_headline('english', ${headlineText}, ${tsquery(q)}, ${headlineOptions})`
    : Prisma.sql`NULL::text`;

  const rows = await db.$queryRaw<Row[]>`
    WITH page AS (
      SELECT d.id, d.slug, d.title, d.status, d."authorId", d."updatedAt", d."updatedById", d."archivedAt",
        d."createdAt"
      FROM "Document" d
      ${searchJoin}
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY ${order("d")}
      LIMIT ${PAGE_SIZE})
    SELECT p.id, p.slug, p.title, p.status::text AS status, p."authorId", a.name AS "authorName",
      p."updatedAt", p."updatedById", u.name AS "updatedByName", p."archivedAt",
      c.filled, c.total, m.key AS "matchKey", m.title AS "matchTitle", ${snippet} AS snippet,
      cm.id AS "threadId", cm.quote AS "threadQuote", cm."sectionKey" AS "threadSection",
      cm."sectionTitle" AS "threadSectionTitle", ${commentSnippet} AS "commentSnippet"
    FROM page p
    JOIN "User" a ON a.id = p."authorId"
    JOIN "User" u ON u.id = p."updatedById"
    CROSS JOIN LATERAL (
      SELECT (count(*) FILTER (WHERE s.text <> ''))::int AS filled, count(*)::int AS total
      FROM "Section" s WHERE s."documentId" = p.id) c
    ${match}
    ${commentMatch}
    ORDER BY ${order("p")}`;

  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    author: { id: r.authorId, name: r.authorName },
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: { id: r.updatedById, name: r.updatedByName },
    archivedAt: r.archivedAt?.toISOString() ?? null,
    filled: r.filled,
    total: r.total,
    match: r.matchKey
      ? { sectionKey: r.matchKey, sectionTitle: r.matchTitle ?? "", snippet: r.snippet ?? "" }
      : r.threadId
        ? {
            sectionKey: r.threadSection ?? "",
            sectionTitle: r.threadSectionTitle ?? "",
            snippet: r.commentSnippet ?? "",
            thread: { id: r.threadId, quote: r.threadQuote },
          }
        : null,
  }));
}
