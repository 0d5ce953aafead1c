import "server-only";
import { db } from "@/lib/db";
import { accessRowSql, roleFromAccessRow, type AccessRow } from "@/lib/docs/access";
import { canEditContent } from "@/lib/docs/content";
import { ARCHIVED, LOCKED, NOT_EDITOR } from "@/lib/docs/content/can-edit";
import { docCan } from "@/lib/docs/policy";
import { Prisma } from "@/lib/db";
import type { CollabClaims } from "./token";

/** What a connection may do on the live doc, asked of the database (never of the token). */
export type LiveAccess = "edit" | "read" | "none";

export type LiveAccessReason = "ok" | "no-access" | "deleted" | "read-only-role" | "archived" | "locked";

// Matches no row: used in place of the id of the kind of caller we do not have.
const NONE = "";

/**
 * The same rule the content pipeline applies to a save: a person who may edit the doc
 * (role), while it is neither archived nor locked, edits; anyone else who may read it
 * (viewers, commenters, reviewers, share-link guests) follows read-only; nobody else
 * gets in. Asked on connect and again every few seconds for open connections.
 */
export async function liveAccess(
  subject: CollabClaims["subject"],
  docId: string,
): Promise<{ access: LiveAccess; reason: LiveAccessReason }> {
  const userId = subject.kind === "user" ? subject.id : NONE;
  const linkId = subject.kind === "link" ? subject.id : NONE;
  const rows = await db.$queryRaw<(AccessRow & { lockedAt: Date | null; userExists: boolean })[]>`
    SELECT a.*, d."lockedAt", EXISTS (SELECT 1 FROM "User" u WHERE u.id = ${userId}) AS "userExists"
    FROM (${accessRowSql(userId, linkId, Prisma.sql`d.id = ${docId}`)}) a JOIN "Document" d ON d.id = a.id`;
  const row = rows[0];
  if (!row) return { access: "none", reason: (await docExists(docId)) ? "no-access" : "deleted" };
  if (subject.kind === "user" && !row.userExists) return { access: "none", reason: "no-access" };
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
