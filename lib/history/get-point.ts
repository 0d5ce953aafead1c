import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/auth/session";
import { Prisma } from "@/lib/db";
import { isoSql, plainQuery } from "@/lib/db/sql";
import { asOfCtes } from "@/lib/docs/content/as-of";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { AppError } from "@/lib/errors";
import { mayRestore, requireHistoryAccess } from "./access";
import type { PointDTO } from "./dto";
import { parsePoint } from "./points";
import { reviewedByAsOf, type VerdictThen } from "./stamps-as-of";

type Person = { id: string; name: string };

/** The doc at a point with its stamps then, in one statement (times as isoSql text). */
type PointRow = {
  meta: { seq: number; at: string } | null;
  headSeq: string;
  namedVersion: string | null;
  sections: {
    key: string;
    title: string;
    order: number;
    version: number;
    hash: string;
    content: JSONContent;
    at: string;
    by: Person | null;
  }[];
  lastEdit: { at: string; by: Person | null } | null;
  verdicts: (Omit<VerdictThen, "createdAt"> & { createdAt: string })[];
};

const at = (column: string) => isoSql(Prisma.raw(column));

/**
 * The point (the doc's latest version at or before `point`), its sections then with their authors, the last edit
 * then (annotations are not edits), the name given to it, and the decisive verdicts given before the doc moved on:
 * one round trip on plain pg.
 */
function pointSql(docId: string, point: bigint): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE meta AS (
      SELECT seq, "createdAt" FROM "SectionVersion" WHERE "documentId" = ${docId} AND seq <= ${point}::bigint
      ORDER BY seq DESC LIMIT 1),
    ${asOfCtes(docId, Prisma.sql`(SELECT seq FROM meta)`)},
    until AS (
      SELECT "createdAt" FROM "SectionVersion" WHERE "documentId" = ${docId} AND seq > (SELECT seq FROM meta)
      ORDER BY seq LIMIT 1)
    SELECT
      (SELECT json_build_object('seq', seq, 'at', ${at('"createdAt"')}) FROM meta) AS meta,
      (SELECT "headSeq"::text FROM "Document" WHERE id = ${docId}) AS "headSeq",
      (SELECT n.name FROM "NamedVersion" n WHERE n."documentId" = ${docId} AND n.seq = (SELECT seq FROM meta)
        ORDER BY n."createdAt" DESC LIMIT 1) AS "namedVersion",
      (SELECT coalesce(json_agg(json_build_object('key', a."sectionKey", 'title', a.title, 'order', a."order",
          'version', a.version, 'hash', a."contentHash", 'content', a.content, 'at', ${at('a."createdAt"')},
          'by', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = a."authorId"))
          ORDER BY a."order", a."sectionKey"), '[]'::json)
        FROM asof a WHERE NOT a.removed) AS sections,
      (SELECT json_build_object('at', ${at('v."createdAt"')},
          'by', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = v."authorId"))
        FROM "SectionVersion" v
        WHERE v."documentId" = ${docId} AND v.seq <= (SELECT seq FROM meta) AND v.kind <> 'ANNOTATION'
        ORDER BY v.seq DESC LIMIT 1) AS "lastEdit",
      (SELECT coalesce(json_agg(json_build_object('reviewer', json_build_object('id', u.id, 'name', u.name),
          'reviewerId', v."reviewerId", 'kind', v.kind, 'sectionKeys', v."sectionKeys",
          'createdAt', ${at('v."createdAt"')}, 'revision', v.revision, 'contentHash', v."contentHash")
          ORDER BY v."createdAt"), '[]'::json)
        FROM "Verdict" v JOIN "User" u ON u.id = v."reviewerId"
        WHERE v."documentId" = ${docId} AND v.kind IN ('APPROVE', 'REQUEST_CHANGES')
          AND (NOT EXISTS (SELECT 1 FROM until) OR v."createdAt" < (SELECT "createdAt" FROM until))) AS verdicts`;
}

/**
 * The whole doc, read-only, as of a point (`/docs/<slug>/history/<seq>`, GET
 * /api/docs/{id}/history/{seq}), with the footer stamps as they were then.
 */
export async function getPoint(actor: Actor, ref: { id: string } | { slug: string }, raw: unknown): Promise<PointDTO> {
  const ctx = await requireHistoryAccess(actor, ref);
  const docId = ctx.doc.id;
  const [row] = await plainQuery<PointRow>(pointSql(docId, parsePoint(raw)));
  if (!row?.meta) throw new AppError("NOT_FOUND", "This point is not in the doc's history.");
  const verdicts = row.verdicts.map((v) => ({ ...v, createdAt: new Date(v.createdAt) }));
  return {
    docId,
    slug: ctx.doc.slug,
    title: ctx.doc.title,
    seq: row.meta.seq,
    headSeq: Number(row.headSeq),
    at: row.meta.at,
    namedVersion: row.namedVersion,
    sections: row.sections.map((s) => ({
      key: s.key,
      title: s.title,
      order: s.order,
      version: s.version,
      contentHash: s.hash,
      html: renderDocToHTML(s.content),
      updatedAt: s.at,
      updatedBy: s.by,
    })),
    lastUpdated: row.lastEdit,
    reviewedBy: reviewedByAsOf(verdicts, row.sections),
    canRestore: mayRestore(ctx),
  };
}
