"use server";

import { revalidatePath } from "next/cache";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { lockDoc, unlockDoc } from "@/lib/reviews/lock";
import { cancelReviewRequest, requestReview } from "@/lib/reviews/request-review";
import { reRequestReview } from "@/lib/reviews/rerequest-review";
import type { TRequestReview, TSubmitVerdict } from "@/lib/reviews/schemas";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import type { ReviewCandidateDTO, SectionDiffDTO, TimelineEventDTO } from "@/lib/reviews/dto";
import { listReviewCandidates } from "@/lib/reviews/queries";
import { getDocTimeline } from "@/lib/reviews/timeline";
import { isAppError } from "@/lib/errors";

const refresh = () => revalidatePath("/docs/[slug]", "page");

export async function requestReviewAction(
  docId: string,
  input: TRequestReview,
): Promise<ActionResult<{ requested: number }>> {
  return runAction(async () => {
    const result = await requestReview(await requireActor(), argText(docId), input);
    refresh();
    return result;
  });
}

/** Ask the reviewers who requested changes again, after the author edited. */
export async function reRequestReviewAction(docId: string): Promise<ActionResult<{ reRequested: number }>> {
  return runAction(async () => {
    const result = await reRequestReview(await requireActor(), argText(docId));
    refresh();
    return result;
  });
}

export async function cancelReviewRequestAction(docId: string, requestId: string): Promise<ActionResult> {
  return runAction(async () => {
    await cancelReviewRequest(await requireActor(), argText(docId), argText(requestId));
    refresh();
    return undefined;
  });
}

export type VerdictActionResult =
  | ActionResult<{ status: string }>
  /** The doc changed since the reviewer read it: what changed, so they can decide again. */
  | { ok: false; code: "STALE_REVISION"; message: string; currentRevision: number; sections: SectionDiffDTO[] };

export async function submitVerdictAction(docId: string, input: TSubmitVerdict): Promise<VerdictActionResult> {
  try {
    const actor = await requireActor();
    const result = await submitVerdict(actor, argText(docId), input);
    refresh();
    return { ok: true, data: { status: result.status } };
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT" && error.details.data) {
      const data = error.details.data as { currentRevision: number; sections: SectionDiffDTO[] };
      return {
        ok: false,
        code: "STALE_REVISION",
        message: error.message,
        currentRevision: data.currentRevision,
        sections: data.sections,
      };
    }
    return runAction(() => Promise.reject(error));
  }
}

export async function setLockedAction(docId: string, locked: boolean): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActor();
    await (locked ? lockDoc(actor, argText(docId)) : unlockDoc(actor, argText(docId)));
    refresh();
    return undefined;
  });
}

/** The "Request review" dialog's list of people, fetched when the dialog loads rather than with every doc page. */
export async function listReviewCandidatesAction(docId: string): Promise<ActionResult<ReviewCandidateDTO[]>> {
  return runAction(async () => listReviewCandidates(await requireActor(), argText(docId)));
}

/** The review panel's "Activity" list, fetched when someone opens it. */
export async function loadTimelineAction(docId: string): Promise<ActionResult<TimelineEventDTO[]>> {
  return runAction(async () => getDocTimeline(await requireActor(), argText(docId), { limit: 200 }));
}
