import "server-only";
import { db } from "@/lib/db";
import { plainQuery } from "@/lib/db/sql";
import { accessRowSql, roleFromAccessRow, type AccessRow } from "@/lib/docs/access";
import { canEditContent } from "@/lib/docs/content";
import { ARCHIVED, LOCKED, NOT_EDITOR } from "@/lib/docs/content/can-edit";
import { docCan } from "@/lib/docs/policy";
import { Prisma } from "@/lib/db";
import type { CollabClaims } from "./token";

/** What a connection may do on the live doc, asked of the database (never of the token). */
export type LiveAccess = "edit" | "read" | "none";

export type LiveAccessReason = "ok" | "no-access" | "deleted" | "read-only-role" | "archived" | "locked";

export type LiveAccessAnswer = { access: LiveAccess; reason: LiveAccessReason };

export type LiveAccessQuestion = { subject: CollabClaims["subject"]; docId: string };

// Matches no row: used in place of the id of the kind of caller we do not have.
const NONE = "";

/**
 * Callers per statement when many are asked at once: one statement per open doc (1,000 docs held a process's event
 * loop with 1,000 sequential queries every round), but not so many rows that reading them holds it either.
 */
const BATCH = 250;

/** One asked pair's row: the doc and the caller's grants (no row fields when the doc is gone). */
type Row = { i: string } & (
  (AccessRow & { lockedAt: Date | null; userExists: boolean }) | { [K in keyof AccessRow]: null }
);

/** Same key for the same caller on the same doc: askers may dedupe with it. */
export const liveAccessKey = ({ subject, docId }: LiveAccessQuestion): string =>
  `${subject.kind}:${subject.id}@${docId}`;

/**
 * The same rule the content pipeline applies to a save: a person who may edit the doc
 * (role), while it is neither archived nor locked, edits; anyone else who may read it
 * (viewers, commenters, reviewers, share-link guests) follows read-only; nobody else
 * gets in. Asked on connect and again every few seconds for open connections.
 */
export async function liveAccess(subject: CollabClaims["subject"], docId: string): Promise<LiveAccessAnswer> {
  const [answer] = await liveAccessMany([{ subject, docId }]);
  return answer!;
}

/**
 * liveAccess for many callers and docs: one statement per BATCH of them (the recheck of every open connection),
 * answers in the order asked.
 */
export async function liveAccessMany(questions: LiveAccessQuestion[]): Promise<LiveAccessAnswer[]> {
  const answers: LiveAccessAnswer[] = [];
  for (let from = 0; from < questions.length; from += BATCH) {
    const batch = questions.slice(from, from + BATCH);
    const docIds = batch.map((q) => q.docId);
    const userIds = batch.map((q) => (q.subject.kind === "user" ? q.subject.id : NONE));
    const linkIds = batch.map((q) => (q.subject.kind === "link" ? q.subject.id : NONE));
    // Plain pg: Prisma spends ~2 ms of CPU per statement on this process's event loop, the relay's (lib/db/sql.ts).
    const rows = await plainQuery<Row>(Prisma.sql`
      SELECT q.i::text AS i, a.*, ld."lockedAt", EXISTS (SELECT 1 FROM "User" u WHERE u.id = q.user_id) AS "userExists"
      FROM unnest(${docIds}::text[], ${userIds}::text[], ${linkIds}::text[])
        WITH ORDINALITY AS q(doc_id, user_id, link_id, i)
      LEFT JOIN LATERAL (${accessRowSql(Prisma.sql`q.user_id`, Prisma.sql`q.link_id`, Prisma.sql`d.id = q.doc_id`)}) a
        ON true
      LEFT JOIN "Document" ld ON ld.id = a.id`);
    const byIndex = new Map(rows.map((row) => [Number(row.i), row]));
    batch.forEach((q, n) => answers.push(answerFor(q, byIndex.get(n + 1))));
  }
  return answers;
}

function answerFor({ subject }: LiveAccessQuestion, row: Row | undefined): LiveAccessAnswer {
  // The access row is the doc's row with the caller's grants beside it: no row, no doc.
  if (!row || row.id === null) return { access: "none", reason: "deleted" };
  if (subject.kind === "user" && !row.userExists) return { access: "none", reason: "no-access" };
  const userId = subject.kind === "user" ? subject.id : NONE;
  const role = roleFromAccessRow(row, userId);
  if (!role || !docCan(role, "view")) return { access: "none", reason: "no-access" };
  // The pipeline's one editability rule (role, archived, locked), asked the same way it asks on every write.
  const answer = canEditContent({ role, archived: !!row.archivedAt, locked: !!row.lockedAt });
  if (answer.ok) return { access: "edit", reason: "ok" };
  if (!docCan(role, "edit")) return { access: "read", reason: "read-only-role" };
  return { access: "read", reason: row.archivedAt ? "archived" : "locked" };
}

export async function docExists(docId: string): Promise<boolean> {
  return (await db.document.count({ where: { id: docId } })) > 0;
}

export const READ_ONLY_MESSAGES: Record<Exclude<LiveAccessReason, "ok" | "no-access" | "deleted">, string> = {
  "read-only-role": NOT_EDITOR,
  archived: ARCHIVED,
  locked: LOCKED,
};
