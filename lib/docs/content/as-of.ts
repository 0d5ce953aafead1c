import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";

/**
 * Each section's latest SectionVersion at or before `point` (the doc as of that point), removed ones included
 * (`removed`: the section was gone then). The pipeline's restore and lib/history's views read the doc through
 * this one definition. A skip scan over the doc's section ids (index "documentId", "sectionId", seq): a few dozen
 * index probes however long the history is (bench/history.mjs).
 */
export type VersionAtPoint = {
  sectionId: string;
  seq: bigint;
  key: string;
  title: string;
  order: number;
  removed: boolean;
  version: number;
  content: unknown;
  hash: string;
  kind: string;
  authorId: string | null;
  createdAt: Date;
};

/**
 * Two CTEs for a `WITH RECURSIVE` list: `<name>_ids` (the doc's section ids) and `<name>` (each one's version at
 * `point`, a bigint expression: a parameter, or a column of an earlier CTE), every SectionVersion column.
 */
export function asOfCtes(docId: string, point: Prisma.Sql, name = "asof"): Prisma.Sql {
  const as = Prisma.raw(name);
  const ids = Prisma.raw(`${name}_ids`);
  return Prisma.sql`
    ${ids}(id) AS (
      (SELECT "sectionId" FROM "SectionVersion" WHERE "documentId" = ${docId} ORDER BY "sectionId" LIMIT 1)
      UNION ALL
      SELECT (SELECT v."sectionId" FROM "SectionVersion" v
              WHERE v."documentId" = ${docId} AND v."sectionId" > i.id ORDER BY v."sectionId" LIMIT 1)
      FROM ${ids} i WHERE i.id IS NOT NULL),
    ${as} AS (
      SELECT v.* FROM ${ids} i CROSS JOIN LATERAL (
        SELECT * FROM "SectionVersion" x
        WHERE x."documentId" = ${docId} AND x."sectionId" = i.id AND x.seq <= ${point}
        ORDER BY x.seq DESC LIMIT 1) v
      WHERE i.id IS NOT NULL)`;
}

export async function versionsAsOf(client: Tx | typeof db, docId: string, point: bigint): Promise<VersionAtPoint[]> {
  return client.$queryRaw<VersionAtPoint[]>`
    WITH RECURSIVE ${asOfCtes(docId, Prisma.sql`${point}::bigint`)}
    SELECT "sectionId", seq, "sectionKey" AS key, title, "order", removed, version, content,
      "contentHash" AS hash, kind::text AS kind, "authorId", "createdAt"
    FROM asof ORDER BY "order", "sectionKey"`;
}
