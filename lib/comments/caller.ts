import "server-only";
import { assertNotRateLimited, recordHit, type Limit } from "@/lib/auth/rate-limit";
import type { Tx } from "@/lib/db";
import { isLinkCaller, type DocCaller, type DocContext } from "@/lib/docs/access";
import { docCan } from "@/lib/docs/policy";
import { AppError } from "@/lib/errors";
import type { CommentPermissionsDTO } from "./dto";
import { ZGuestName } from "./schemas";

/** Who a new comment is by: a member (their account) or a guest (the link and the name they typed). */
export type CommentAuthor =
  | { authorId: string; shareLinkId: null; guestName: null; name: string }
  | { authorId: null; shareLinkId: string; guestName: string; name: string };

/**
 * What the caller may do with threads on this doc. Guests (comment links) comment
 * and reply under a typed name; they cannot resolve, mention or mark blocking.
 * Archived docs keep their threads readable and take no new ones.
 */
export function commentPermissions(caller: DocCaller, ctx: DocContext): CommentPermissionsDTO {
  const guest = isLinkCaller(caller);
  const canComment = docCan(ctx.role, "comment") && !ctx.doc.archivedAt;
  return {
    canComment,
    canResolve: canComment && !guest,
    canMarkBlocking: canComment && !guest && docCan(ctx.role, "review"),
    canMention: canComment && !guest,
    guest,
  };
}

export function commentAuthor(caller: DocCaller, guestName: unknown): CommentAuthor {
  if (!isLinkCaller(caller)) return { authorId: caller.id, shareLinkId: null, guestName: null, name: caller.name };
  const parsed = ZGuestName.safeParse(guestName ?? "");
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Type your name";
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { guestName: [message] } });
  }
  const name = parsed.data;
  return { authorId: null, shareLinkId: caller.linkId, guestName: name, name };
}

export function assertCanComment(caller: DocCaller, ctx: DocContext): CommentPermissionsDTO {
  const me = commentPermissions(caller, ctx);
  if (ctx.doc.archivedAt) throw new AppError("CONFLICT", "This doc is archived. Restore it to comment.");
  return me;
}

/**
 * Guests have no account to answer for them: per link and address 20 comments per
 * 10 minutes, per link 300 an hour (RateLimitBucket, shared by every app instance).
 */
function guestLimits(linkId: string, ip: string): Limit[] {
  return [
    { key: `guest-comment:link-ip:${linkId}:${ip}`, limit: 20, windowSeconds: 600 },
    { key: `guest-comment:link:${linkId}`, limit: 300, windowSeconds: 3600 },
  ];
}

export async function checkGuestRate(
  author: CommentAuthor,
  ip: string | undefined,
): Promise<(() => Promise<void>) | null> {
  if (!author.shareLinkId) return null;
  const limits = guestLimits(author.shareLinkId, ip ?? "unknown");
  await assertNotRateLimited(limits, "Too many comments from this link.");
  return () => recordHit(limits);
}

/** Everyone who can read the doc through an account: workspace members and people invited to it. */
export async function mentionableUsers(
  tx: Tx,
  ctx: { doc: Pick<DocContext["doc"], "id" | "workspaceId"> },
  ids?: readonly string[],
): Promise<{ id: string; name: string }[]> {
  return tx.user.findMany({
    where: {
      ...(ids ? { id: { in: [...ids] } } : {}),
      OR: [
        { memberships: { some: { workspaceId: ctx.doc.workspaceId } } },
        { docMemberships: { some: { documentId: ctx.doc.id } } },
      ],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
    take: ids ? undefined : 500,
  });
}
