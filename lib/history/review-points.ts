import "server-only";
import { db, Prisma } from "@/lib/db";

/**
 * The point a verdict (alias v) was given on: the seq it recorded (submit-verdict.ts, under the doc row lock), or,
 * for a row made without one, the doc's latest version created before it.
 */
export const VERDICT_SEQ = Prisma.sql`coalesce(v.seq, (SELECT x.seq FROM "SectionVersion" x
  WHERE x."documentId" = v."documentId" AND x."createdAt" <= v."createdAt" ORDER BY x.seq DESC LIMIT 1))`;

/**
 * The point a review request (alias r) was made on: the seq it recorded (request-review.ts, under the doc row lock),
 * or, for a row made without one, the doc's latest version created before it.
 */
export const REQUEST_SEQ = Prisma.sql`coalesce(r.seq, (SELECT x.seq FROM "SectionVersion" x
  WHERE x."documentId" = r."documentId" AND x."createdAt" <= r."createdAt" ORDER BY x.seq DESC LIMIT 1))`;

/** The point in history a review record refers to, and the named version at that point if any. */
export type ReviewPoint = { seq: number; namedVersion: string | null };

type Row = { id: string; seq: bigint | null; name: string | null };

/**
 * The point each verdict and review request of a doc was made on (the doc's head when it was given, as each
 * recorded it), with the name given to that exact point. For the sign-off record and the history page.
 */
export async function reviewPoints(
  docId: string,
): Promise<{ verdicts: Map<string, ReviewPoint>; requests: Map<string, ReviewPoint> }> {
  const [verdicts, requests] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT v.id, p.seq, (SELECT n.name FROM "NamedVersion" n WHERE n."documentId" = v."documentId" AND n.seq = p.seq
                           ORDER BY n."createdAt" DESC LIMIT 1) AS name
      FROM "Verdict" v CROSS JOIN LATERAL (SELECT ${VERDICT_SEQ} AS seq) p
      WHERE v."documentId" = ${docId}`,
    db.$queryRaw<Row[]>`
      SELECT r.id, p.seq, (SELECT n.name FROM "NamedVersion" n WHERE n."documentId" = r."documentId" AND n.seq = p.seq
                           ORDER BY n."createdAt" DESC LIMIT 1) AS name
      FROM "ReviewRequest" r CROSS JOIN LATERAL (SELECT ${REQUEST_SEQ} AS seq) p
      WHERE r."documentId" = ${docId}`,
  ]);
  const toMap = (rows: Row[]) =>
    new Map(
      rows.flatMap((r) => (r.seq === null ? [] : [[r.id, { seq: Number(r.seq), namedVersion: r.name }] as const])),
    );
  return { verdicts: toMap(verdicts), requests: toMap(requests) };
}
