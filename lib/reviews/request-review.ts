import "server-only";
import { canBeAsked, peopleWithDocRoles } from "./reviewers";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { isEmptyDoc } from "@/lib/editor/validate";
import { Outbox } from "@/lib/notifications/outbox";
import { parseInput } from "@/lib/validation";
import { ZRequestReview } from "./schemas";
import { lockDocumentRow, rederiveStatus } from "./status";

/**
 * Ask workspace members to review a doc (or some of its sections). Editors only.
 * Refused while a section the template marks required is empty ("template
 * enforcement"). Asking someone again updates their request (scope, message, due
 * date) and revives it if it was cancelled; their earlier verdicts stay on record.
 */
export async function requestReview(actor: Actor, docId: string, raw: unknown): Promise<{ requested: number }> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "edit");
  const input = parseInput(ZRequestReview, raw);

  const sections = await db.section.findMany({
    where: { documentId: doc.id },
    orderBy: { order: "asc" },
    select: { key: true, title: true, content: true, required: true },
  });
  const missing = sections.filter((s) => s.required && isEmptyDoc(s.content as never));
  if (missing.length) {
    const titles = missing.map((s) => s.title);
    throw new AppError(
      "INVALID_INPUT",
      `Fill in the required sections before asking for review: ${titles.join(", ")}.`,
      {
        fieldErrors: { sections: titles },
        data: { missing: missing.map((s) => ({ key: s.key, title: s.title })) },
      },
    );
  }
  const unknownKeys = input.sectionKeys.filter((k) => !sections.some((s) => s.key === k));
  if (unknownKeys.length)
    throw new AppError("INVALID_INPUT", `This doc has no section "${unknownKeys[0]!.slice(0, 60)}".`, {
      fieldErrors: { sectionKeys: ["Choose sections of this doc"] },
    });

  // Workspace members and people invited to this doc alone (lib/reviews/reviewers.ts).
  const people = await peopleWithDocRoles(doc, input.reviewerIds);
  if (people.length !== input.reviewerIds.length) {
    // Never say which id is unknown: that would confirm who exists outside the doc.
    const msg = "Reviewers must be people who can open this doc: members of its workspace or people it is shared with.";
    throw new AppError("INVALID_INPUT", msg, { fieldErrors: { reviewerIds: [msg] } });
  }
  if (people.some((m) => m.userId === doc.authorId)) {
    throw new AppError("INVALID_INPUT", "The author cannot review their own doc.", {
      fieldErrors: { reviewerIds: ["The author cannot review their own doc."] },
    });
  }
  if (input.reviewerIds.includes(actor.id)) {
    const msg = "You cannot ask yourself for a review: ask someone who did not write what they will approve.";
    throw new AppError("INVALID_INPUT", msg, { fieldErrors: { reviewerIds: [msg] } });
  }
  const cannot = people.filter((m) => !canBeAsked(m, doc.authorId));
  if (cannot.length) {
    const msg = `${cannot.map((m) => m.name).join(", ")} cannot review: viewers read and comment only.`;
    throw new AppError("INVALID_INPUT", msg, { fieldErrors: { reviewerIds: [msg] } });
  }
  const members = people;

  const outbox = new Outbox({ actorId: actor.id });
  await db.$transaction(async (tx) => {
    const locked = await lockDocumentRow(tx, doc.id);
    // The point in history the request is made on: the doc's head under the row lock (as a verdict records it).
    const { headSeq } = await tx.document.findUniqueOrThrow({ where: { id: doc.id }, select: { headSeq: true } });
    for (const m of members) {
      const fields = {
        requestedById: actor.id,
        sectionKeys: input.sectionKeys,
        message: input.message,
        dueAt: input.dueAt,
        cancelledAt: null,
      };
      await tx.reviewRequest.upsert({
        where: { documentId_reviewerId: { documentId: doc.id, reviewerId: m.userId } },
        create: { documentId: doc.id, reviewerId: m.userId, seq: headSeq, ...fields },
        update: fields,
      });
    }
    const rule = input.rule ?? locked.reviewRule;
    const requiredApprovals = rule === "AT_LEAST" ? (input.requiredApprovals ?? locked.requiredApprovals ?? 1) : null;
    if (rule === "AT_LEAST") {
      const active = await tx.reviewRequest.count({ where: { documentId: doc.id, cancelledAt: null } });
      if (requiredApprovals! > active) {
        throw new AppError(
          "INVALID_INPUT",
          `${requiredApprovals} approvals cannot come from ${active} reviewer${active === 1 ? "" : "s"}.`,
          {
            fieldErrors: { requiredApprovals: [`At most ${active}`] },
          },
        );
      }
    }
    if (rule !== locked.reviewRule || requiredApprovals !== locked.requiredApprovals) {
      await tx.document.update({ where: { id: doc.id }, data: { reviewRule: rule, requiredApprovals } });
    }
    const titles = sections.filter((s) => input.sectionKeys.includes(s.key)).map((s) => s.title);
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "review.requested",
      data: {
        reviewers: members.map((m) => ({ id: m.userId, name: m.name })),
        sections: titles,
        dueAt: input.dueAt?.toISOString() ?? null,
        rule,
        requiredApprovals,
      },
    });
    for (const m of members) {
      await outbox.notify(tx, {
        userId: m.userId,
        documentId: doc.id,
        type: "review.requested",
        data: {
          docTitle: doc.title,
          docSlug: doc.slug,
          actorName: actor.name,
          message: input.message,
          sections: titles,
          dueAt: input.dueAt?.toISOString() ?? null,
        },
      });
    }
    await rederiveStatus(tx, locked, actor.id, outbox);
  });
  void outbox.flush();
  return { requested: members.length };
}

/** Withdraw a review request (editors). Loaded by { id, documentId }: a request of another doc is NOT_FOUND. */
export async function cancelReviewRequest(actor: Actor, docId: string, requestId: string): Promise<void> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "edit");
  const outbox = new Outbox({ actorId: actor.id });
  await db.$transaction(async (tx) => {
    const locked = await lockDocumentRow(tx, doc.id);
    const request = await tx.reviewRequest.findFirst({
      where: { id: String(requestId).slice(0, 64), documentId: doc.id, cancelledAt: null },
      select: { id: true, reviewer: { select: { id: true, name: true } } },
    });
    if (!request) throw new AppError("NOT_FOUND", "This review request does not exist or was already cancelled.");
    await tx.reviewRequest.update({ where: { id: request.id }, data: { cancelledAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "review.cancelled",
      data: { reviewer: request.reviewer },
    });
    await rederiveStatus(tx, locked, actor.id, outbox);
  });
  void outbox.flush();
}
