import "server-only";
import { db, type Tx } from "@/lib/db";

/**
 * Each section's latest SectionVersion at or before `point` (the doc as of that point), removed ones included
 * (`removed`: the section was gone then). The pipeline's restore and lib/history's views read the doc through
 * this one statement. A skip scan over the doc's section ids (index "documentId", "sectionId", seq): a few dozen
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

export async function versionsAsOf(client: Tx | typeof db, docId: string, point: bigint): Promise<VersionAtPoint[]> {
  return client.$queryRaw<VersionAtPoint[]>`
    WITH RECURSIVE ids(id) AS (
      (SELECT "sectionId" FROM "SectionVersion" WHERE "documentId" = ${docId} ORDER BY "sectionId" LIMIT 1)
      UNION ALL
      SELECT (SELECT v."sectionId" FROM "SectionVersion" v
              WHERE v."documentId" = ${docId} AND v."sectionId" > ids.id ORDER BY v."sectionId" LIMIT 1)
      FROM ids WHERE ids.id IS NOT NULL)
    SELECT v."sectionId", v.seq, v."sectionKey" AS key, v.title, v."order", v.removed, v.version, v.content,
      v."contentHash" AS hash, v.kind::text AS kind, v."authorId", v."createdAt"
    FROM ids CROSS JOIN LATERAL (
      SELECT * FROM "SectionVersion" x
      WHERE x."documentId" = ${docId} AND x."sectionId" = ids.id AND x.seq <= ${point}
      ORDER BY x.seq DESC LIMIT 1) v
    WHERE ids.id IS NOT NULL
    ORDER BY v."order", v."sectionKey"`;
}
