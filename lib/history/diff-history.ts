import "server-only";
import type { Actor } from "@/lib/auth/session";
import { Prisma } from "@/lib/db";
import { isoSql, plainQuery } from "@/lib/db/sql";
import { asOfCtes } from "@/lib/docs/content/as-of";
import { AppError } from "@/lib/errors";
import { mayRestore, requireHistoryAccess } from "./access";
import { diffPoints, type SectionAtPoint } from "./doc-diff";
import type { HistoryDiffDTO, PointRefDTO } from "./dto";
import { parsePoint, pointAtTime } from "./points";

/** Where a comparison starts or ends: a seq, or a moment ("since my last visit"); absent = the doc now. */
export type PointInput = { seq: unknown } | { at: unknown } | undefined;

async function resolve(docId: string, input: PointInput): Promise<bigint | null> {
  if (!input) return null;
  if ("seq" in input) return parsePoint(input.seq, "INVALID_INPUT");
  const at = typeof input.at === "string" ? new Date(input.at) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw new AppError("INVALID_INPUT", "`since` must be a date and time (ISO 8601).");
  return pointAtTime(docId, at);
}

type End = { seq: number; at: string; name: string | null };
type DiffRow = {
  headSeq: string;
  fromPoint: End | null;
  toPoint: End | null;
  before: SectionAtPoint[];
  after: SectionAtPoint[];
};

/**
 * Both points (each the doc's latest version at or before the one asked for; absent = the head), the sections
 * at each (no content read twice: the statement sends each version once per side) and the names given to them:
 * one round trip on plain pg.
 */
function diffSql(docId: string, from: bigint | null, to: bigint | null): Prisma.Sql {
  const end = (cte: string) =>
    Prisma.sql`(SELECT json_build_object('seq', p.seq, 'at', ${isoSql(Prisma.sql`p."createdAt"`)},
      'name', (SELECT n.name FROM "NamedVersion" n WHERE n."documentId" = ${docId} AND n.seq = p.seq
               ORDER BY n."createdAt" DESC LIMIT 1)) FROM ${Prisma.raw(cte)} p)`;
  const sections = (cte: string) =>
    Prisma.sql`(SELECT coalesce(json_agg(json_build_object('key', s."sectionKey", 'title', s.title, 'order', s."order",
      'content', s.content, 'hash', s."contentHash")), '[]'::json) FROM ${Prisma.raw(cte)} s WHERE NOT s.removed)`;
  return Prisma.sql`
    WITH RECURSIVE head AS (SELECT "headSeq" AS seq FROM "Document" WHERE id = ${docId}),
    fp AS (SELECT seq, "createdAt" FROM "SectionVersion" WHERE "documentId" = ${docId}
      AND seq <= coalesce(${from}::bigint, (SELECT seq FROM head)) ORDER BY seq DESC LIMIT 1),
    tp AS (SELECT seq, "createdAt" FROM "SectionVersion" WHERE "documentId" = ${docId}
      AND seq <= coalesce(${to}::bigint, (SELECT seq FROM head)) ORDER BY seq DESC LIMIT 1),
    ${asOfCtes(docId, Prisma.sql`(SELECT seq FROM fp)`, "fa")},
    ${asOfCtes(docId, Prisma.sql`(SELECT seq FROM tp)`, "ta")}
    SELECT (SELECT seq::text FROM head) AS "headSeq", ${end("fp")} AS "fromPoint", ${end("tp")} AS "toPoint",
      ${sections("fa")} AS before, ${sections("ta")} AS after`;
}

/**
 * Compare any two points of a doc's history, section by section (GET
 * /api/docs/{id}/history/diff, /docs/<slug>/history/compare). Sections whose version
 * hashes are equal at both points are not diffed; a point before the doc's first
 * version is the empty doc.
 */
export async function diffHistory(
  actor: Actor,
  ref: { id: string } | { slug: string },
  input: { from: PointInput; to?: PointInput },
): Promise<HistoryDiffDTO> {
  const ctx = await requireHistoryAccess(actor, ref);
  const docId = ctx.doc.id;
  const [fromRaw, toRaw] = await Promise.all([resolve(docId, input.from), resolve(docId, input.to)]);
  const [row] = await plainQuery<DiffRow>(diffSql(docId, fromRaw, toRaw));
  if (!row?.toPoint) throw new AppError("NOT_FOUND", "This point is not in the doc's history.");
  const ref_ = (p: End | null): PointRefDTO => ({ seq: p?.seq ?? 0, at: p?.at ?? null, namedVersion: p?.name ?? null });
  return {
    docId,
    slug: ctx.doc.slug,
    title: ctx.doc.title,
    from: ref_(row.fromPoint),
    to: ref_(row.toPoint),
    headSeq: Number(row.headSeq),
    sections: diffPoints(row.before, row.after),
    canRestore: mayRestore(ctx),
  };
}
