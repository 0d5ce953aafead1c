import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SectionAtPoint } from "./doc-diff";

/**
 * Reading a doc as of a point in history (a seq): for each section that ever existed,
 * its latest SectionVersion with seq ≤ P, unless that version removed it. Raw SQL: the
 * skip scan over the doc's section ids (index "documentId", "sectionId", seq) is what
 * keeps this a few dozen index probes however long the history is.
 */
export type VersionAsOf = SectionAtPoint & {
  sectionId: string;
  seq: number;
  version: number;
  hash: string;
  kind: string;
  authorId: string | null;
  createdAt: Date;
};

type AsOfRow = Omit<VersionAsOf, "seq"> & { seq: bigint };

const NO_POINT = "This point is not in the doc's history.";

/** A point from a URL or a query string: decimal digits, else a 404 (a page) or a 422 (the API). */
export function parsePoint(raw: unknown, onBad: "NOT_FOUND" | "INVALID_INPUT" = "NOT_FOUND"): bigint {
  if (typeof raw !== "string" || !/^[0-9]{1,18}$/.test(raw)) {
    throw new AppError(onBad, onBad === "NOT_FOUND" ? NO_POINT : "A point in history is a whole number (a seq).");
  }
  return BigInt(raw);
}

export async function sectionsAsOf(docId: string, point: bigint): Promise<VersionAsOf[]> {
  const rows = await db.$queryRaw<AsOfRow[]>`
    WITH RECURSIVE ids(id) AS (
      (SELECT "sectionId" FROM "SectionVersion" WHERE "documentId" = ${docId} ORDER BY "sectionId" LIMIT 1)
      UNION ALL
      SELECT (SELECT v."sectionId" FROM "SectionVersion" v
              WHERE v."documentId" = ${docId} AND v."sectionId" > ids.id ORDER BY v."sectionId" LIMIT 1)
      FROM ids WHERE ids.id IS NOT NULL)
    SELECT v."sectionId", v.seq, v."sectionKey" AS key, v.title, v."order", v.version, v.content,
      v."contentHash" AS hash, v.kind::text AS kind, v."authorId", v."createdAt"
    FROM ids CROSS JOIN LATERAL (
      SELECT * FROM "SectionVersion" x
      WHERE x."documentId" = ${docId} AND x."sectionId" = ids.id AND x.seq <= ${point}
      ORDER BY x.seq DESC LIMIT 1) v
    WHERE ids.id IS NOT NULL AND NOT v.removed
    ORDER BY v."order", v."sectionKey"`;
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export type PointMeta = { seq: bigint; at: Date };

/** The doc's latest version at or before `point`; null when the doc had no content yet. */
export async function findPointMeta(docId: string, point: bigint): Promise<PointMeta | null> {
  const rows = await db.$queryRaw<{ seq: bigint; at: Date }[]>`
    SELECT seq, "createdAt" AS at FROM "SectionVersion"
    WHERE "documentId" = ${docId} AND seq <= ${point} ORDER BY seq DESC LIMIT 1`;
  return rows[0] ?? null;
}

export async function getPointMeta(docId: string, point: bigint): Promise<PointMeta> {
  const meta = await findPointMeta(docId, point);
  if (!meta) throw new AppError("NOT_FOUND", NO_POINT);
  return meta;
}

/** The point current at a moment: the doc's latest version created at or before `at` (0 = before its first). */
export async function pointAtTime(docId: string, at: Date): Promise<bigint> {
  const rows = await db.$queryRaw<{ seq: bigint }[]>`
    SELECT seq FROM "SectionVersion" WHERE "documentId" = ${docId} AND "createdAt" <= ${at}
    ORDER BY seq DESC LIMIT 1`;
  return rows[0]?.seq ?? BigInt(0);
}

/** "Last Updated" as of a point: the latest version that was an edit (annotations are not). */
export async function lastEditAsOf(
  docId: string,
  point: bigint,
): Promise<{ at: Date; by: { id: string; name: string } | null } | null> {
  const rows = await db.$queryRaw<{ at: Date; id: string | null; name: string | null }[]>`
    SELECT v."createdAt" AS at, u.id, u.name FROM "SectionVersion" v LEFT JOIN "User" u ON u.id = v."authorId"
    WHERE v."documentId" = ${docId} AND v.seq <= ${point} AND v.kind <> 'ANNOTATION'
    ORDER BY v.seq DESC LIMIT 1`;
  const r = rows[0];
  return r ? { at: r.at, by: r.id ? { id: r.id, name: r.name ?? "" } : null } : null;
}

/** Names of named versions at these points (the latest name wins when a point has several). */
export async function namesAt(docId: string, points: readonly bigint[]): Promise<Map<string, string>> {
  if (points.length === 0) return new Map();
  const rows = await db.namedVersion.findMany({
    where: { documentId: docId, seq: { in: [...points] } },
    orderBy: { createdAt: "asc" },
    select: { seq: true, name: true },
  });
  return new Map(rows.map((r) => [r.seq.toString(), r.name]));
}
