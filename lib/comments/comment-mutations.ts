import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db";
import { isLinkCaller, requireDocAccess, type DocCaller } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { parseInput } from "@/lib/validation";
import { mentionsIn, parseBody } from "./body";
import { assertCanComment, checkGuestRate, commentAuthor } from "./caller";
import { COMMENT_NOT_FOUND, lockThread } from "./load";
import { notifyConversation, notifyMentions, resolveMentions } from "./notify";
import { ZCommentBody } from "./schemas";

/**
 * A reply to a thread of this doc (members, and guests under a typed name). Replying to a resolved thread keeps it
 * resolved.
 */
export async function replyToThread(
  caller: DocCaller,
  docId: string,
  threadId: string,
  raw: unknown,
  opts: { ip?: string } = {},
): Promise<{ commentId: string }> {
  const ctx = await requireDocAccess(caller, { id: docId }, "comment");
  const me = assertCanComment(caller, ctx);
  const input = parseInput(ZCommentBody, raw);
  const author = commentAuthor(caller, input.guestName);
  const body = parseBody(input.body);
  if (body.mentionIds.length && !me.canMention) throw new AppError("FORBIDDEN", "Guests cannot mention people.");
  const countHit = await checkGuestRate(author, opts.ip);
  const outbox = new Outbox({ actorId: isLinkCaller(caller) ? null : caller.id });
  const result = await db.$transaction(async (tx) => {
    const thread = await lockThread(tx, ctx.doc.id, threadId);
    const { doc, text, people } = await resolveMentions(tx, ctx, body);
    const now = new Date();
    const comment = await tx.comment.create({
      data: {
        threadId: thread.id,
        authorId: author.authorId,
        shareLinkId: author.shareLinkId,
        guestName: author.guestName,
        body: doc as Prisma.InputJsonValue,
        text,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.commentThread.update({ where: { id: thread.id }, data: { updatedAt: now } });
    await recordAudit(tx, {
      workspaceId: ctx.doc.workspaceId,
      documentId: ctx.doc.id,
      actorId: author.authorId,
      type: "comment.replied",
      data: {
        threadId: thread.id,
        section: thread.sectionKey,
        ...(author.guestName ? { guest: author.guestName } : {}),
      },
    });
    await notifyMentions(tx, outbox, ctx, {
      people,
      authorId: author.authorId,
      actorName: author.name,
      threadId: thread.id,
      text,
    });
    await notifyConversation(tx, outbox, ctx, {
      kind: "replied",
      threadId: thread.id,
      authorId: author.authorId,
      actorName: author.name,
      text,
      mentioned: people,
    });
    return { commentId: comment.id };
  });
  await countHit?.();
  void outbox.flush();
  return result;
}

async function loadOwnComment(caller: DocCaller, docId: string, commentId: string) {
  const ctx = await requireDocAccess(caller, { id: docId }, "comment");
  assertCanComment(caller, ctx);
  if (isLinkCaller(caller)) throw new AppError("FORBIDDEN", "Guests cannot edit or delete comments.");
  if (typeof commentId !== "string" || !commentId || commentId.length > 64)
    throw new AppError("NOT_FOUND", COMMENT_NOT_FOUND);
  const comment = await db.comment.findFirst({
    where: { id: commentId, thread: { documentId: ctx.doc.id } },
    select: { id: true, threadId: true, authorId: true, deletedAt: true, body: true },
  });
  if (!comment) throw new AppError("NOT_FOUND", COMMENT_NOT_FOUND);
  if (comment.authorId !== caller.id) throw new AppError("FORBIDDEN", "You can only change your own comments.");
  if (comment.deletedAt) throw new AppError("CONFLICT", "This comment was deleted.");
  return { ctx, comment };
}

/** Edit one's own comment. People newly mentioned by the edit are notified; those mentioned before are not again. */
export async function editComment(actor: Actor, docId: string, commentId: string, raw: unknown): Promise<void> {
  const { ctx, comment } = await loadOwnComment(actor, docId, commentId);
  const body = parseBody(parseInput(ZCommentBody, raw).body);
  const before = new Set(comment.body ? mentionsIn(comment.body as never).map((m) => m.id) : []);
  const outbox = new Outbox({ actorId: actor.id });
  await db.$transaction(async (tx) => {
    await lockThread(tx, ctx.doc.id, comment.threadId);
    const { doc, text, people } = await resolveMentions(tx, ctx, body);
    await tx.comment.update({
      where: { id: comment.id },
      data: { body: doc as Prisma.InputJsonValue, text, editedAt: new Date() },
    });
    await notifyMentions(tx, outbox, ctx, {
      people: people.filter((p) => !before.has(p.id)),
      authorId: actor.id,
      actorName: actor.name,
      threadId: comment.threadId,
      text,
    });
  });
  void outbox.flush();
}

/** Delete one's own comment: its words go, its place stays ("deleted"), and so does the thread. */
export async function deleteComment(actor: Actor, docId: string, commentId: string): Promise<void> {
  const { ctx, comment } = await loadOwnComment(actor, docId, commentId);
  await db.$transaction(async (tx) => {
    await tx.comment.update({
      where: { id: comment.id },
      data: { body: Prisma.DbNull, text: "", deletedAt: new Date() },
    });
    await recordAudit(tx, {
      workspaceId: ctx.doc.workspaceId,
      documentId: ctx.doc.id,
      actorId: actor.id,
      type: "comment.deleted",
      data: { threadId: comment.threadId, commentId: comment.id },
    });
  });
}
