import "server-only";
import { Prisma } from "@/lib/db";
import { isoSql } from "@/lib/db/sql";
import type { PersonDTO } from "@/lib/docs/dto";
import { approvalEditorsSql } from "./independence";

/**
 * The review records of a doc as JSON columns of one SQL statement, so a page that
 * needs the doc and its sign-off state asks PostgreSQL once (the doc page, the
 * reviews API). `docId` is an SQL expression: a parameter or a column such as `d.id`.
 * Also who edited what since the last approval (lib/reviews/independence.ts).
 */
/**
 * The section whose edit made verdict `v` stale (its first approval.stale audit event, lib/reviews/staleness.ts),
 * so a stale stamp can say "stale since Security Considerations changed". Looked up only for stale verdicts.
 */
const staleSectionSql = Prisma.sql`CASE WHEN v."staleAt" IS NULL THEN NULL ELSE (
  SELECT a.data->>'section' FROM "AuditEvent" a
  WHERE a."documentId" = v."documentId" AND a.type = 'approval.stale' AND a.data->>'verdictId' = v.id
  ORDER BY a."createdAt" LIMIT 1) END`;

export function reviewRecordsSql(docId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    coalesce((
      SELECT json_agg(json_build_object(
        'id', r.id, 'sectionKeys', r."sectionKeys", 'message', r.message, 'dueAt', ${isoSql(Prisma.raw(`r."dueAt"`))},
        'rerequestedAt', ${isoSql(Prisma.raw(`r."rerequestedAt"`))},
        'reviewer', json_build_object('id', rv.id, 'name', rv.name),
        'requestedBy', json_build_object('id', rb.id, 'name', rb.name)) ORDER BY r."createdAt", r.id)
      FROM "ReviewRequest" r JOIN "User" rv ON rv.id = r."reviewerId" JOIN "User" rb ON rb.id = r."requestedById"
      WHERE r."documentId" = ${docId} AND r."cancelledAt" IS NULL), '[]'::json) AS "reviewRequests",
    coalesce((
      SELECT json_agg(json_build_object(
        'id', v.id, 'reviewerId', v."reviewerId", 'kind', v.kind, 'body', v.body, 'revision', v.revision,
        'sectionKeys', v."sectionKeys", 'contentHash', v."contentHash",
        'createdAt', ${isoSql(Prisma.raw(`v."createdAt"`))}, 'staleAt', ${isoSql(Prisma.raw(`v."staleAt"`))},
        'staleSection', ${staleSectionSql},
        'reviewer', json_build_object('id', u.id, 'name', u.name)) ORDER BY v."createdAt", v.id)
      FROM "Verdict" v JOIN "User" u ON u.id = v."reviewerId"
      WHERE v."documentId" = ${docId}), '[]'::json) AS "verdicts",
    ${approvalEditorsSql(docId)}`;
}

export type RequestRecord = {
  id: string;
  sectionKeys: string[];
  message: string | null;
  dueAt: string | null;
  rerequestedAt: string | null;
  reviewer: PersonDTO;
  requestedBy: PersonDTO;
};

export type VerdictRecord = {
  id: string;
  reviewerId: string;
  kind: "APPROVE" | "REQUEST_CHANGES" | "COMMENT";
  body: string | null;
  revision: number;
  sectionKeys: string[];
  contentHash: string;
  createdAt: Date;
  staleAt: Date | null;
  stale: boolean;
  /** The title of the section whose edit made it stale (null when current, or unknown). */
  staleSection: string | null;
  reviewer: PersonDTO;
};

type VerdictJson = Omit<VerdictRecord, "createdAt" | "staleAt" | "stale"> & {
  createdAt: string;
  staleAt: string | null;
};

/** The two JSON columns of `reviewRecordsSql`, typed (dates back to Date for the status rules). */
export function parseReviewRecords(row: { reviewRequests: unknown; verdicts: unknown }): {
  requests: RequestRecord[];
  verdicts: VerdictRecord[];
} {
  const verdicts = (row.verdicts as VerdictJson[]).map((v) => ({
    ...v,
    createdAt: new Date(v.createdAt),
    staleAt: v.staleAt ? new Date(v.staleAt) : null,
    stale: v.staleAt !== null,
  }));
  return { requests: row.reviewRequests as RequestRecord[], verdicts };
}
