import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isLinkCaller, requireDocAccess, type DocCaller } from "@/lib/docs/access";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { mentionsIn } from "./body";
import { commentPermissions, mentionableUsers } from "./caller";
import type { CommentDTO, MentionCandidateDTO, ThreadDTO, ThreadListDTO } from "./dto";
import { ZMentionQuery } from "./schemas";

const person = { select: { id: true, name: true } } as const;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Every thread of a doc with its comments, oldest first, for anyone who can read the
 * doc (members and link holders). The doc page loads this after hydration, in one
 * call, never per section. Names only: no emails, for guests or anyone.
 */
export async function listThreads(caller: DocCaller, docId: string): Promise<ThreadListDTO> {
  const ctx = await requireDocAccess(caller, { id: docId }, "view");
  const me = isLinkCaller(caller) ? null : caller.id;
  const rows = await db.commentThread.findMany({
    where: { documentId: ctx.doc.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      sectionKey: true,
      anchor: true,
      quote: true,
      originalQuote: true,
      blocking: true,
      blockingBy: person,
      resolvedAt: true,
      resolvedBy: person,
      reopenedAt: true,
      reopenedBy: person,
      createdAt: true,
      updatedAt: true,
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          authorId: true,
          guestName: true,
          body: true,
          createdAt: true,
          editedAt: true,
          deletedAt: true,
          author: person,
        },
      },
    },
  });
  const threads: ThreadDTO[] = rows.map((t) => {
    const comments: CommentDTO[] = t.comments.map((c) => {
      const mine = !!me && c.authorId === me;
      const body = c.deletedAt ? null : (c.body as JSONContent | null);
      return {
        id: c.id,
        author: c.authorId
          ? { id: c.authorId, name: c.author?.name ?? "Former member", guest: false }
          : { id: null, name: c.guestName ?? "Guest", guest: true },
        html: body ? renderDocToHTML(body) : null,
        body: mine ? body : null,
        createdAt: c.createdAt.toISOString(),
        editedAt: iso(c.editedAt),
        deleted: !!c.deletedAt,
        mine,
      };
    });
    const mentionsMe =
      !!me &&
      t.comments.some((c) => !c.deletedAt && c.body && mentionsIn(c.body as JSONContent).some((m) => m.id === me));
    return {
      id: t.id,
      sectionKey: t.sectionKey,
      anchor: t.anchor,
      quote: t.quote,
      originalQuote: t.originalQuote ?? t.quote,
      blocking: t.blocking,
      blockingBy: t.blockingBy,
      resolvedAt: iso(t.resolvedAt),
      resolvedBy: t.resolvedBy,
      reopenedAt: iso(t.reopenedAt),
      reopenedBy: t.reopenedBy,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      comments,
      mine: comments.some((c) => c.mine) || mentionsMe,
    };
  });
  return { threads, me: commentPermissions(caller, ctx) };
}

/** People to @mention: those who can read the doc, by name (never email); members only. */
export async function listMentionCandidates(
  actor: Actor,
  docId: string,
  rawQuery: unknown,
): Promise<MentionCandidateDTO[]> {
  const ctx = await requireDocAccess(actor, { id: docId }, "comment");
  const query = ZMentionQuery.parse(rawQuery).toLowerCase();
  const people = await mentionableUsers(db, ctx);
  return people
    .filter(
      (p) =>
        p.id !== actor.id &&
        (!query ||
          p.name
            .toLowerCase()
            .split(/\s+/)
            .some((w) => w.startsWith(query)) ||
          p.name.toLowerCase().startsWith(query)),
    )
    .slice(0, 8);
}
