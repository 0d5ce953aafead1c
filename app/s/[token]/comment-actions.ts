"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { replyToThread } from "@/lib/comments/comment-mutations";
import { createThread, type CreatedThread } from "@/lib/comments/create-thread";
import type { ThreadListDTO } from "@/lib/comments/dto";
import { listThreads } from "@/lib/comments/queries";
import type { TCommentBody, TCreateThread } from "@/lib/comments/schemas";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { resolveShareToken, UNLOCK_COOKIE } from "@/lib/sharing/resolve-token";

/**
 * Threads through a share link. The token is the capability (no session): it is
 * resolved on every call — revoked, expired or still password-locked links get the
 * same NOT_FOUND as unknown ones — and the domain checks the link's role (a view
 * link reads threads, a comment link also writes them, as a guest).
 */
async function linkCaller(token: string) {
  const access = await resolveShareToken(argText(token), {
    unlockCookie: (await cookies()).get(UNLOCK_COOKIE)?.value,
    recordUse: false,
  });
  if (access.status !== "open")
    throw new AppError("NOT_FOUND", "This page does not exist, or you do not have access to it.");
  return access;
}

export async function listSharedThreadsAction(token: string): Promise<ActionResult<ThreadListDTO>> {
  return runAction(async () => {
    const access = await linkCaller(token);
    return listThreads(access.caller, access.documentId);
  });
}

export async function createGuestThreadAction(
  token: string,
  input: TCreateThread,
): Promise<ActionResult<CreatedThread>> {
  return runAction(async () => {
    const access = await linkCaller(token);
    const created = await createThread(access.caller, access.documentId, input, { ip: clientAddress(await headers()) });
    // The words now carry the thread's mark: the page renders again, so the guest sees their highlight in the body.
    revalidatePath("/s/[token]", "page");
    return created;
  });
}

export async function guestReplyAction(
  token: string,
  threadId: string,
  input: TCommentBody,
): Promise<ActionResult<{ commentId: string }>> {
  return runAction(async () => {
    const access = await linkCaller(token);
    return replyToThread(access.caller, access.documentId, argText(threadId), input, {
      ip: clientAddress(await headers()),
    });
  });
}
