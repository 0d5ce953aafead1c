"use server";

import { revalidatePath } from "next/cache";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { deleteComment, editComment, replyToThread } from "@/lib/comments/comment-mutations";
import { createThread, type CreatedThread } from "@/lib/comments/create-thread";
import type { MentionCandidateDTO, ThreadListDTO } from "@/lib/comments/dto";
import { listMentionCandidates, listThreads } from "@/lib/comments/queries";
import type { TCommentBody, TCreateThread, TThreadState } from "@/lib/comments/schemas";
import { setThreadState, type ThreadState } from "@/lib/comments/thread-state";

// Text anchors change the section HTML and blocking threads the status: the page renders again.
const refresh = () => revalidatePath("/docs/[slug]", "page");

/** The doc's threads, loaded by the page after hydration (one call, not per section). */
export async function listThreadsAction(docId: string): Promise<ActionResult<ThreadListDTO>> {
  return runAction(async () => listThreads(await requireActor(), argText(docId)));
}

export async function createThreadAction(docId: string, input: TCreateThread): Promise<ActionResult<CreatedThread>> {
  return runAction(async () => {
    const created = await createThread(await requireActor(), argText(docId), input);
    refresh();
    return created;
  });
}

export async function replyToThreadAction(
  docId: string,
  threadId: string,
  input: TCommentBody,
): Promise<ActionResult<{ commentId: string }>> {
  return runAction(async () => replyToThread(await requireActor(), argText(docId), argText(threadId), input));
}

export async function editCommentAction(docId: string, commentId: string, input: TCommentBody): Promise<ActionResult> {
  return runAction(async () => {
    await editComment(await requireActor(), argText(docId), argText(commentId), input);
    return undefined;
  });
}

export async function deleteCommentAction(docId: string, commentId: string): Promise<ActionResult> {
  return runAction(async () => {
    await deleteComment(await requireActor(), argText(docId), argText(commentId));
    return undefined;
  });
}

export async function setThreadStateAction(
  docId: string,
  threadId: string,
  input: TThreadState,
): Promise<ActionResult<ThreadState>> {
  return runAction(async () => {
    const state = await setThreadState(await requireActor(), argText(docId), argText(threadId), input);
    refresh();
    return state;
  });
}

export async function listMentionCandidatesAction(
  docId: string,
  query: string,
): Promise<ActionResult<MentionCandidateDTO[]>> {
  return runAction(async () => listMentionCandidates(await requireActor(), argText(docId), query));
}
