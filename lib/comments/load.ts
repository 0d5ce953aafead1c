import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const THREAD_NOT_FOUND = "This comment thread does not exist.";
export const COMMENT_NOT_FOUND = "This comment does not exist.";

/**
 * A thread of this doc, locked for the rest of the transaction (a nested id is a relationship: loaded by id AND doc).
 */
export async function lockThread(tx: Tx, docId: string, threadId: string) {
  if (typeof threadId !== "string" || !threadId || threadId.length > 64)
    throw new AppError("NOT_FOUND", THREAD_NOT_FOUND);
  const rows = await tx.$queryRaw<{ id: string; sectionKey: string; blocking: boolean; resolvedAt: Date | null }[]>`
    SELECT id, "sectionKey", blocking, "resolvedAt" FROM "CommentThread"
    WHERE id = ${threadId} AND "documentId" = ${docId} FOR UPDATE`;
  const thread = rows[0];
  if (!thread) throw new AppError("NOT_FOUND", THREAD_NOT_FOUND);
  return thread;
}
