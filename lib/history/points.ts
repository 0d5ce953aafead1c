import "server-only";
import { db } from "@/lib/db";
import { versionsAsOf } from "@/lib/docs/content/as-of";
import { AppError } from "@/lib/errors";
import type { SectionAtPoint } from "./doc-diff";

/** A section of the doc as of a point in history (a seq): lib/docs/content/as-of.ts reads it. */
export type VersionAsOf = SectionAtPoint & {
  sectionId: string;
  seq: number;
  version: number;
  hash: string;
  kind: string;
  authorId: string | null;
  createdAt: Date;
};

const NO_POINT = "This point is not in the doc's history.";

/** A point from a URL or a query string: decimal digits, else a 404 (a page) or a 422 (the API). */
export function parsePoint(raw: unknown, onBad: "NOT_FOUND" | "INVALID_INPUT" = "NOT_FOUND"): bigint {
  if (typeof raw !== "string" || !/^[0-9]{1,18}$/.test(raw)) {
    throw new AppError(onBad, onBad === "NOT_FOUND" ? NO_POINT : "A point in history is a whole number (a seq).");
  }
  return BigInt(raw);
}

/** The sections the doc had at `point`, in their order then. */
export async function sectionsAsOf(docId: string, point: bigint): Promise<VersionAsOf[]> {
  const rows = await versionsAsOf(db, docId, point);
  return rows.filter((r) => !r.removed).map(({ removed: _removed, ...r }) => ({ ...r, seq: Number(r.seq) }));
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
