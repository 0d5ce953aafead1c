import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { QUICK_SEARCH_MIN_CHARS, ZQuickSearch } from "./schemas";
import { searchTerms, searchTsquery, sectionsOf } from "./search-query";

/** Docs looked at per query: the header's list shows a handful, so a common word reads no more than this. */
const DOC_LIMIT = 12;

export type QuickSearchHit = {
  kind: "doc" | "section";
  /** Where it leads: the doc, or the doc at the section. */
  href: string;
  docTitle: string;
  workspace: { slug: string; name: string };
  section: { key: string; title: string; snippet: string } | null;
};

type Row = {
  slug: string;
  title: string;
  titleHit: boolean;
  workspaceSlug: string;
  workspaceName: string;
  sectionKey: string | null;
  sectionTitle: string | null;
  snippet: string | null;
};

/**
 * The header's search (Ctrl/Cmd+K): docs and sections the person can read in every workspace they belong to (and
 * docs they were invited to on their own), archived ones aside. One GIN lookup on the doc-level vector
 * (`searchAll`, title and every section) finds the docs holding all the words, even words common apart but rare
 * together; title hits come first, then the most recently updated. Only the shown docs are searched section by
 * section, so a common word costs DOC_LIMIT small lookups, never a walk of the person's docs.
 */
export async function quickSearch(actor: Actor, raw: unknown): Promise<QuickSearchHit[]> {
  const { q } = parseInput(ZQuickSearch, raw);
  if (q.length < QUICK_SEARCH_MIN_CHARS || searchTerms(q).length === 0) return [];
  const tsq = searchTsquery(q);
  const rows = await db.$queryRaw<Row[]>`
    WITH cand AS (
      SELECT d.id, d.slug, d.title, d."workspaceId", d."updatedAt", coalesce(d.search @@ ${tsq}, false) AS "titleHit"
      FROM "Document" d
      WHERE d."searchAll" @@ ${tsq} AND d."archivedAt" IS NULL
        AND (d."workspaceId" = ANY (ARRAY(SELECT m."workspaceId" FROM "Membership" m WHERE m."userId" = ${actor.id}))
          OR d.id = ANY (ARRAY(SELECT dm."documentId" FROM "DocMember" dm WHERE dm."userId" = ${actor.id})))
      ORDER BY 6 DESC, d."updatedAt" DESC
      LIMIT ${DOC_LIMIT})
    SELECT c.slug, c.title, c."titleHit", w.slug AS "workspaceSlug", w.name AS "workspaceName",
      s.key AS "sectionKey", s.title AS "sectionTitle",
      CASE WHEN s.key IS NULL THEN NULL ELSE ts_headline('english',
        regexp_replace(s.text, '[^[:space:]]{64}', '\\& ', 'g'), ${tsq},
        'StartSel=«, StopSel=», MaxWords=16, MinWords=6, MaxFragments=1') END AS snippet
    FROM cand c
    JOIN "Workspace" w ON w.id = c."workspaceId"
    LEFT JOIN LATERAL (
      SELECT s.key, s.title, s.text FROM ${sectionsOf(Prisma.sql`c.id`)} s
      WHERE s.search @@ ${tsq}
      ORDER BY ts_rank(s.search, ${tsq}) DESC, s."order" ASC
      LIMIT 1) s ON true
    ORDER BY c."titleHit" DESC, c."updatedAt" DESC`;
  return rows.flatMap((r) => toHits(r));
}

/** A title hit leads to the doc (and to its best section too); any other hit leads to its section. */
function toHits(r: Row): QuickSearchHit[] {
  const base = { docTitle: r.title, workspace: { slug: r.workspaceSlug, name: r.workspaceName } };
  const hits: QuickSearchHit[] = [];
  if (r.titleHit || !r.sectionKey) hits.push({ ...base, kind: "doc", href: `/docs/${r.slug}`, section: null });
  if (r.sectionKey) {
    hits.push({
      ...base,
      kind: "section",
      href: `/docs/${r.slug}#${r.sectionKey}`,
      section: { key: r.sectionKey, title: r.sectionTitle ?? "", snippet: r.snippet ?? "" },
    });
  }
  return hits;
}
