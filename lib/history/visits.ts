import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireHistoryAccess } from "./access";
import type { LastVisitDTO } from "./dto";

/** A pause this long between two views of a doc starts a new visit. */
export const VISIT_GAP_MINUTES = 30;
/** Views closer than this to the last recorded one write nothing (a reload, a tab switch). */
const SEEN_RESOLUTION_SECONDS = 30;

/**
 * "Changes since my last visit", per person on the server (not per browser): each view of the doc records what
 * the person has now seen of it (its headSeq). When a view comes after a pause of VISIT_GAP_MINUTES, what they had
 * seen when the previous visit ended becomes the point "since my last visit" compares from. One statement, and
 * none at all for views within SEEN_RESOLUTION_SECONDS of the last one.
 */
export async function recordDocVisit(actor: Actor, docId: string): Promise<void> {
  const { doc } = await requireHistoryAccess(actor, { id: docId });
  const newVisit = `"DocVisit"."seenAt" < now() AT TIME ZONE 'UTC' - interval '${VISIT_GAP_MINUTES} minutes'`;
  await db.$executeRawUnsafe(
    `INSERT INTO "DocVisit" ("userId", "documentId", "visitStartedAt", "seenAt", "seenSeq")
     SELECT $1, d.id, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', d."headSeq" FROM "Document" d WHERE d.id = $2
     ON CONFLICT ("userId", "documentId") DO UPDATE SET
       "previousSeq" = CASE WHEN ${newVisit} THEN "DocVisit"."seenSeq" ELSE "DocVisit"."previousSeq" END,
       "previousAt" = CASE WHEN ${newVisit} THEN "DocVisit"."seenAt" ELSE "DocVisit"."previousAt" END,
       "visitStartedAt" = CASE WHEN ${newVisit} THEN EXCLUDED."visitStartedAt" ELSE "DocVisit"."visitStartedAt" END,
       "seenAt" = EXCLUDED."seenAt", "seenSeq" = EXCLUDED."seenSeq"
     WHERE "DocVisit"."seenAt" < now() AT TIME ZONE 'UTC' - interval '${SEEN_RESOLUTION_SECONDS} seconds'
       OR "DocVisit"."seenSeq" <> EXCLUDED."seenSeq"`,
    actor.id,
    doc.id,
  );
}

export type LastVisit = LastVisitDTO;

/** Where "changes since my last visit" starts for this person: null before their second visit. */
export async function lastVisitOf(userId: string, docId: string): Promise<LastVisit | null> {
  const row = await db.docVisit.findUnique({
    where: { userId_documentId: { userId, documentId: docId } },
    select: { previousSeq: true, previousAt: true },
  });
  if (!row || row.previousSeq === null || !row.previousAt) return null;
  return { seq: Number(row.previousSeq), at: row.previousAt.toISOString() };
}
