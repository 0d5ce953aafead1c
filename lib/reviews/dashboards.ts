import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { DocStatus } from "@/lib/docs/dto";
import { requireWorkspace } from "@/lib/workspaces/access";
import { latestDecisive, reviewerState, type ReviewerState } from "./derive-status";

export type WaitingReviewDTO = { docId: string; slug: string; title: string; author: string; requestedBy: string; dueAt: string | null; state: ReviewerState; sections: number; updatedAt: string };
export type MyDocInReviewDTO = { docId: string; slug: string; title: string; status: DocStatus; approved: number; needed: number; changesRequestedBy: string[]; updatedAt: string };

const verdictSelect = { reviewerId: true, kind: true, sectionKeys: true, staleAt: true, createdAt: true } as const;

/** Docs in this workspace where the actor is asked to review and has not (or no longer) approved. */
export async function listWaitingForMyReview(actor: Actor, workspaceId: string): Promise<WaitingReviewDTO[]> {
  await requireWorkspace(actor, { id: workspaceId }, "doc.view");
  const requests = await db.reviewRequest.findMany({
    where: { reviewerId: actor.id, cancelledAt: null, document: { workspaceId, archivedAt: null } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 50,
    select: {
      sectionKeys: true,
      dueAt: true,
      requestedBy: { select: { name: true } },
      document: {
        select: { id: true, slug: true, title: true, updatedAt: true, author: { select: { name: true } }, verdicts: { where: { reviewerId: actor.id }, select: verdictSelect } },
      },
    },
  });
  return requests
    .map((r) => {
      const latest = latestDecisive(r.document.verdicts.map((v) => ({ ...v, stale: !!v.staleAt }))).get(actor.id);
      return {
        docId: r.document.id,
        slug: r.document.slug,
        title: r.document.title,
        author: r.document.author.name,
        requestedBy: r.requestedBy.name,
        dueAt: r.dueAt?.toISOString() ?? null,
        state: reviewerState({ reviewerId: actor.id, sectionKeys: r.sectionKeys }, latest),
        sections: r.sectionKeys.length,
        updatedAt: r.document.updatedAt.toISOString(),
      };
    })
    .filter((r) => r.state === "pending" || r.state === "stale");
}

/** The actor's own docs that are in review or have changes requested, with how far sign-off has come. */
export async function listMyDocsInReview(actor: Actor, workspaceId: string): Promise<MyDocInReviewDTO[]> {
  await requireWorkspace(actor, { id: workspaceId }, "doc.view");
  const docs = await db.document.findMany({
    where: { workspaceId, authorId: actor.id, archivedAt: null, status: { in: ["IN_REVIEW", "CHANGES_REQUESTED"] } },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      updatedAt: true,
      reviewRule: true,
      requiredApprovals: true,
      reviewRequests: { where: { cancelledAt: null }, select: { reviewerId: true, sectionKeys: true, reviewer: { select: { name: true } } } },
      verdicts: { select: verdictSelect },
    },
  });
  return docs.map((d) => {
    const latest = latestDecisive(d.verdicts.map((v) => ({ ...v, stale: !!v.staleAt })));
    const states = d.reviewRequests.map((r) => ({ name: r.reviewer.name, state: reviewerState(r, latest.get(r.reviewerId)) }));
    return {
      docId: d.id,
      slug: d.slug,
      title: d.title,
      status: d.status,
      approved: states.filter((s) => s.state === "approved").length,
      needed: d.reviewRule === "AT_LEAST" ? (d.requiredApprovals ?? 1) : states.length,
      changesRequestedBy: states.filter((s) => s.state === "changes_requested").map((s) => s.name),
      updatedAt: d.updatedAt.toISOString(),
    };
  });
}
