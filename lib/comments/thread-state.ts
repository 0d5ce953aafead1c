import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { isLinkCaller, requireDocAccess, type DocCaller } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { lockDocumentRow, rederiveStatus } from "@/lib/reviews/status";
import { parseInput } from "@/lib/validation";
import { assertCanComment } from "./caller";
import { lockThread } from "./load";
import { ZThreadState } from "./schemas";
import type { Tx } from "@/lib/db";

/** A blocking thread was resolved: whoever started it and whoever marked it blocking are told (not the resolver). */
async function notifyRaisers(
  tx: Tx,
  outbox: Outbox,
  doc: { id: string; title: string; slug: string },
  threadId: string,
  actorName: string,
) {
  const [first, thread] = await Promise.all([
    tx.comment.findFirst({ where: { threadId }, orderBy: { createdAt: "asc" }, select: { authorId: true } }),
    tx.commentThread.findUniqueOrThrow({ where: { id: threadId }, select: { blockingById: true, quote: true } }),
  ]);
  const people = new Set([first?.authorId, thread.blockingById].filter((id): id is string => !!id));
  for (const userId of people)
    await outbox.notify(tx, {
      userId,
      documentId: doc.id,
      type: "comment.resolved",
      data: { docTitle: doc.title, docSlug: doc.slug, actorName, threadId, quote: thread.quote },
    });
}

export type ThreadState = { resolved: boolean; blocking: boolean; status: string };

/**
 * Resolve / reopen a thread, or mark / unmark it blocking. Members who may comment
 * resolve and reopen (who and when are recorded); only people with the review
 * permission change "blocking"; guests do neither. Both change what the doc status
 * may be, so this takes the doc row lock and derives the status again in the same
 * transaction, as verdicts do.
 */
export async function setThreadState(
  caller: DocCaller,
  docId: string,
  threadId: string,
  raw: unknown,
): Promise<ThreadState> {
  const ctx = await requireDocAccess(caller, { id: docId }, "comment");
  const me = assertCanComment(caller, ctx);
  const input = parseInput(ZThreadState, raw);
  if (isLinkCaller(caller)) throw new AppError("FORBIDDEN", "Guests cannot resolve threads or mark them blocking.");
  if (input.blocking !== undefined && !me.canMarkBlocking)
    throw new AppError("FORBIDDEN", "Only reviewers can mark a thread as blocking.");
  const actor = caller;
  const outbox = new Outbox({ actorId: actor.id });
  const result = await db.$transaction(async (tx) => {
    const locked = await lockDocumentRow(tx, ctx.doc.id);
    const thread = await lockThread(tx, ctx.doc.id, threadId);
    const now = new Date();
    const data: Parameters<typeof tx.commentThread.update>[0]["data"] = { updatedAt: now };
    const audit = (type: string) =>
      recordAudit(tx, {
        workspaceId: ctx.doc.workspaceId,
        documentId: ctx.doc.id,
        actorId: actor.id,
        type,
        data: { threadId: thread.id, section: thread.sectionKey },
      });
    if (input.resolved === true && !thread.resolvedAt) {
      Object.assign(data, { resolvedAt: now, resolvedById: actor.id });
      await audit("comment.resolved");
      if (thread.blocking) await notifyRaisers(tx, outbox, ctx.doc, thread.id, actor.name);
    } else if (input.resolved === false && thread.resolvedAt) {
      Object.assign(data, { resolvedAt: null, resolvedById: null, reopenedAt: now, reopenedById: actor.id });
      await audit("comment.reopened");
    }
    if (input.blocking !== undefined && input.blocking !== thread.blocking) {
      Object.assign(data, { blocking: input.blocking, blockingById: input.blocking ? actor.id : null });
      await audit(input.blocking ? "comment.blocking" : "comment.unblocked");
    }
    const updated = await tx.commentThread.update({
      where: { id: thread.id },
      data,
      select: { resolvedAt: true, blocking: true },
    });
    const status = await rederiveStatus(tx, locked, actor.id, outbox);
    return { resolved: !!updated.resolvedAt, blocking: updated.blocking, status };
  });
  void outbox.flush();
  return result;
}
