import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "@/lib/workspaces/access";
import type { DocListItemDTO, DocStatus } from "./dto";
import { ZDocListQuery } from "./schemas";

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
};

/**
 * The workspace's docs, filtered in SQL. With `q`, PostgreSQL full-text search
 * over titles and section text (GIN indexes on generated tsvectors); each hit
 * names its best-matching section with a snippet (terms wrapped in « »).
 */
export async function listDocs(actor: Actor, workspaceId: string, rawQuery: unknown = {}): Promise<DocListItemDTO[]> {
  await requireWorkspace(actor, { id: workspaceId }, "doc.view");
  const query = parseInput(ZDocListQuery, rawQuery);
  const q = query.q?.trim() || null;
  const conditions: Prisma.Sql[] = [Prisma.sql`d."workspaceId" = ${workspaceId}`];
  if (query.archived === "only") conditions.push(Prisma.sql`d."archivedAt" IS NOT NULL`);
  else if (query.archived !== "include") conditions.push(Prisma.sql`d."archivedAt" IS NULL`);
  if (query.author) conditions.push(Prisma.sql`d."authorId" = ${query.author}`);
  if (query.status) conditions.push(Prisma.sql`d.status = ${query.status}::"DocStatus"`);
  if (q) conditions.push(Prisma.sql`(d.search @@ websearch_to_tsquery('english', ${q}) OR m.key IS NOT NULL)`);
  const order =
    query.sort === "title" ? Prisma.sql`lower(d.title) ASC` : query.sort === "created" ? Prisma.sql`d."createdAt" DESC` : Prisma.sql`d."updatedAt" DESC`;

  const match = q
    ? Prisma.sql`LEFT JOIN LATERAL (
        SELECT s.key, s.title,
          ts_headline('english', s.text, websearch_to_tsquery('english', ${q}),
            'StartSel=«, StopSel=», MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=" … "') AS snippet
        FROM "Section" s
        WHERE s."documentId" = d.id AND s.search @@ websearch_to_tsquery('english', ${q})
        ORDER BY ts_rank(s.search, websearch_to_tsquery('english', ${q})) DESC, s."order" ASC
        LIMIT 1) m ON true`
    : Prisma.sql`LEFT JOIN LATERAL (SELECT NULL::text AS key, NULL::text AS title, NULL::text AS snippet) m ON true`;

  const rows = await db.$queryRaw<Row[]>`
    SELECT d.id, d.slug, d.title, d.status::text AS status, d."authorId", a.name AS "authorName", d."updatedAt", d."updatedById", u.name AS "updatedByName", d."archivedAt",
      (SELECT count(*)::int FROM "Section" s WHERE s."documentId" = d.id AND s.text <> '') AS filled,
      (SELECT count(*)::int FROM "Section" s WHERE s."documentId" = d.id) AS total,
      m.key AS "matchKey", m.title AS "matchTitle", m.snippet
    FROM "Document" d
    JOIN "User" a ON a.id = d."authorId"
    JOIN "User" u ON u.id = d."updatedById"
    ${match}
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${order}
    LIMIT ${PAGE_SIZE}`;

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
    match: r.matchKey ? { sectionKey: r.matchKey, sectionTitle: r.matchTitle ?? "", snippet: r.snippet ?? "" } : null,
  }));
}
