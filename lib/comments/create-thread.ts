import "server-only";
import type { JSONContent } from "@tiptap/core";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma } from "@/lib/db";
import { isLinkCaller, requireDocAccess, type DocCaller } from "@/lib/docs/access";
import { commitSectionContent } from "@/lib/docs/content";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { lockDocumentRow, rederiveStatus } from "@/lib/reviews/status";
import { parseInput } from "@/lib/validation";
import { addCommentMark } from "./anchors";
import { parseBody } from "./body";
import { assertCanComment, checkGuestRate, commentAuthor } from "./caller";
import { notifyConversation, notifyMentions, resolveMentions } from "./notify";
import { ZCreateThread } from "./schemas";

export type CreatedThread = { threadId: string; commentId: string };

const TEXT_MOVED = "The text you selected has changed since the page loaded. Select it again to comment.";

/**
 * A new thread on a section, or on words in it. Anyone who may comment can start one
 * (members, and guests through a comment link under the name they type).
 *
 * Text anchors — DESIGN CHOICE: the anchor is a `comment` mark in the section's
 * content (the editor's schema keeps it, and ProseMirror moves it with the words as
 * they are edited). Commenters cannot edit, so the server adds the mark here, at the
 * selected words, through the content pipeline as an ANNOTATION version: it leaves the
 * doc revision, the "Last updated" stamps, the audit "edited" trail and every approval
 * alone (approval hashes ignore comment marks, lib/reviews/content.ts), so a reviewer's
 * comment never asks anyone to re-approve. An author typing meanwhile is not put into
 * a save conflict either: a save based on a version older by annotations only is
 * accepted, and planCommentAnchors (lib/comments/reconcile.ts) puts the mark back on
 * the same words, or the thread falls back to the section when the words are gone.
 */
export async function createThread(
  caller: DocCaller,
  docId: string,
  raw: unknown,
  opts: { ip?: string } = {},
): Promise<CreatedThread> {
  const ctx = await requireDocAccess(caller, { id: docId }, "comment");
  const me = assertCanComment(caller, ctx);
  const input = parseInput(ZCreateThread, raw);
  const author = commentAuthor(caller, input.guestName);
  const body = parseBody(input.body);
  if (body.mentionIds.length && !me.canMention) throw new AppError("FORBIDDEN", "Guests cannot mention people.");
  if (input.blocking && !me.canMarkBlocking)
    throw new AppError("FORBIDDEN", "Only reviewers can mark a thread as blocking.");
  const countHit = await checkGuestRate(author, opts.ip);

  const outbox = new Outbox({ actorId: isLinkCaller(caller) ? null : caller.id });
  const created = await db.$transaction(async (tx) => {
    // Same lock order as saveSection: the section row, then (for a blocking thread) the doc row.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Section" WHERE "documentId" = ${ctx.doc.id} AND key = ${input.sectionKey} FOR UPDATE`;
    const section = rows[0];
    if (!section) throw new AppError("NOT_FOUND", `This doc has no section "${input.sectionKey.slice(0, 60)}".`);
    const { doc: bodyDoc, text, people } = await resolveMentions(tx, ctx, body);
    const now = new Date();
    const thread = await tx.commentThread.create({
      data: {
        documentId: ctx.doc.id,
        sectionKey: input.sectionKey,
        anchor: input.anchor ? "TEXT" : "SECTION",
        quote: input.anchor?.quote ?? null,
        originalQuote: input.anchor?.quote ?? null,
        blocking: input.blocking,
        blockingById: input.blocking ? author.authorId : null,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    const anchor = input.anchor;
    if (anchor) {
      const mark = (current: JSONContent) => {
        const marked = addCommentMark(current, thread.id, anchor);
        if (!marked) throw new AppError("CONFLICT", TEXT_MOVED);
        return marked;
      };
      await commitSectionContent(
        {
          docId: ctx.doc.id,
          sectionKey: input.sectionKey,
          content: mark,
          basis: { kind: "authoritative" },
          actor: { id: author.authorId, name: author.name },
          source: "annotation",
        },
        { tx, outbox, role: ctx.role },
      );
    }
    const comment = await tx.comment.create({
      data: {
        threadId: thread.id,
        authorId: author.authorId,
        shareLinkId: author.shareLinkId,
        guestName: author.guestName,
        body: bodyDoc as Prisma.InputJsonValue,
        text,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId: ctx.doc.workspaceId,
      documentId: ctx.doc.id,
      actorId: author.authorId,
      type: "comment.created",
      data: {
        threadId: thread.id,
        section: input.sectionKey,
        anchored: !!input.anchor,
        blocking: input.blocking,
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
      kind: "created",
      threadId: thread.id,
      authorId: author.authorId,
      actorName: author.name,
      text,
      mentioned: people,
    });
    if (input.blocking) await rederiveStatus(tx, await lockDocumentRow(tx, ctx.doc.id), author.authorId, outbox);
    return { threadId: thread.id, commentId: comment.id };
  });
  await countHit?.();
  void outbox.flush();
  return created;
}
