import { Prisma } from "@/lib/db";

/**
 * Independent approval: whoever edited a section since the doc was last approved does
 * not count as an approver of it (a workspace setting, on by default). "Last approved"
 * is the doc's most recent change of status to APPROVED; before any, the doc's whole
 * life. Who edited is read from the section-edit audit events (and the section's last
 * editor, which covers edits the audit trail folds into one event).
 *
 * One SQL definition feeds both the page (the review panel says why Approve is off,
 * and the doc page cache fingerprints this column) and submitVerdict's check.
 */
export type ApprovalEditor = { section: string; title: string; userId: string };

export function approvalEditorsSql(docId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    (SELECT w."independentApproval" FROM "Document" ad JOIN "Workspace" w ON w.id = ad."workspaceId"
      WHERE ad.id = ${docId}) AS "independentApproval",
    coalesce((
      WITH round AS (
        SELECT coalesce(max(a."createdAt"), '-infinity') AS since FROM "AuditEvent" a
        WHERE a."documentId" = ${docId} AND a.type = 'status.changed' AND a.data->>'to' = 'APPROVED'),
      edits AS (
        SELECT e.data->>'section' AS section, e."actorId" AS "userId" FROM "AuditEvent" e, round
        WHERE e."documentId" = ${docId} AND e.type = 'section.edited' AND e."actorId" IS NOT NULL
          AND e."createdAt" > round.since
        UNION
        SELECT s.key, s."updatedById" FROM "Section" s, round
        WHERE s."documentId" = ${docId} AND s."updatedById" IS NOT NULL AND s."updatedAt" > round.since)
      SELECT json_agg(json_build_object('section', x.section, 'title', x.title, 'userId', x."userId")
        ORDER BY x."order", x."userId")
      FROM (SELECT DISTINCT edits.section, sec.title, sec."order", edits."userId" FROM edits
        JOIN "Section" sec ON sec."documentId" = ${docId} AND sec.key = edits.section) x
    ), '[]'::json) AS "approvalEditors"`;
}

/**
 * Why `userId` may not approve the sections `coveredKeys` names (empty = the whole doc),
 * or null when they may.
 */
export function approvalBlockedReason(
  row: { independentApproval: boolean | null; approvalEditors: unknown },
  userId: string,
  coveredKeys: string[],
): string | null {
  if (row.independentApproval === false) return null;
  const mine = (row.approvalEditors as ApprovalEditor[]).filter(
    (e) => e.userId === userId && (coveredKeys.length === 0 || coveredKeys.includes(e.section)),
  );
  if (!mine.length) return null;
  const titles = [...new Set(mine.map((e) => e.title))];
  const list = titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}`;
  return (
    `You edited ${list} since this doc was last approved, so your approval would not be independent: ` +
    `someone who did not edit ${titles.length === 1 ? "it" : "them"} must approve. You can still comment or ` +
    `request changes.`
  );
}
