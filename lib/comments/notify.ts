import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Tx } from "@/lib/db";
import type { DocContext } from "@/lib/docs/access";
import { extractText } from "@/lib/editor/text";
import { AppError } from "@/lib/errors";
import type { Outbox } from "@/lib/notifications/outbox";
import { relabelMentions, type CommentBody } from "./body";
import { mentionableUsers } from "./caller";

/**
 * Check a body's mentions against the people who can read the doc and write their
 * current names into them. Mentioning someone without access is refused (422): they
 * could not open the thread the notification points at.
 */
export async function resolveMentions(
  tx: Tx,
  ctx: DocContext,
  body: CommentBody,
): Promise<{ doc: JSONContent; text: string; people: { id: string; name: string }[] }> {
  if (body.mentionIds.length === 0) return { doc: body.doc, text: body.text, people: [] };
  const people = await mentionableUsers(tx, ctx, body.mentionIds);
  if (people.length !== body.mentionIds.length) {
    const message = "You can only mention people who can read this doc.";
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { body: [message] } });
  }
  const doc = relabelMentions(body.doc, new Map(people.map((p) => [p.id, p.name])));
  return { doc, text: extractText(doc), people };
}

/** Inbox entries (and emails after commit) for the people a comment mentions, except its author. */
export async function notifyMentions(
  tx: Tx,
  outbox: Outbox,
  ctx: DocContext,
  n: { people: { id: string }[]; authorId: string | null; actorName: string; threadId: string; text: string },
): Promise<void> {
  for (const person of n.people) {
    if (person.id === n.authorId) continue;
    await outbox.notify(tx, {
      userId: person.id,
      documentId: ctx.doc.id,
      type: "comment.mention",
      data: {
        docTitle: ctx.doc.title,
        docSlug: ctx.doc.slug,
        actorName: n.actorName,
        body: n.text.slice(0, 500),
        threadId: n.threadId,
      },
    });
  }
}

/**
 * The conversation, as on GitHub and Google Docs: a new thread tells the doc's author;
 * a reply tells the author and everyone who wrote in the thread before. Never the
 * commenter, never someone this comment already mentions (they got "mentioned you"),
 * never guests (no account), and only people who can still read the doc.
 */
export async function notifyConversation(
  tx: Tx,
  outbox: Outbox,
  ctx: DocContext,
  n: {
    kind: "created" | "replied";
    threadId: string;
    authorId: string | null;
    actorName: string;
    text: string;
    mentioned: readonly { id: string }[];
  },
): Promise<void> {
  const candidates = new Set<string>([ctx.doc.authorId]);
  if (n.kind === "replied") {
    const earlier = await tx.comment.findMany({
      where: { threadId: n.threadId, authorId: { not: null } },
      select: { authorId: true },
      distinct: ["authorId"],
    });
    for (const c of earlier) if (c.authorId) candidates.add(c.authorId);
  }
  if (n.authorId) candidates.delete(n.authorId);
  for (const m of n.mentioned) candidates.delete(m.id);
  if (candidates.size === 0) return;
  for (const person of await mentionableUsers(tx, ctx, [...candidates])) {
    await outbox.notify(tx, {
      userId: person.id,
      documentId: ctx.doc.id,
      type: n.kind === "created" ? "comment.created" : "comment.replied",
      data: {
        docTitle: ctx.doc.title,
        docSlug: ctx.doc.slug,
        actorName: n.actorName,
        body: n.text.slice(0, 500),
        threadId: n.threadId,
      },
    });
  }
}
