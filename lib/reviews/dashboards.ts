import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { DocStatus } from "@/lib/docs/dto";
import { latestDecisive, reviewerState, type ReviewerState } from "./derive-status";

export type WaitingReviewDTO = {
  docId: string;
  slug: string;
  title: string;
  workspaceId: string;
  workspaceName: string;
  /** Past its due date (the end of the due day, UTC). */
  overdue: boolean;
  /** They requested changes; the author edited and asked again. */
  rerequested: boolean;
  author: string;
  requestedBy: string;
  dueAt: string | null;
  state: ReviewerState;
  sections: number;
  updatedAt: string;
};
export type MyDocInReviewDTO = {
  docId: string;
  slug: string;
  title: string;
  workspaceId: string;
  workspaceName: string;
  /** A reviewer who has not decided yet is past the due date. */
  overdue: boolean;
  status: DocStatus;
  approved: number;
  needed: number;
  changesRequestedBy: string[];
  updatedAt: string;
};

const verdictSelect = { reviewerId: true, kind: true, sectionKeys: true, staleAt: true, createdAt: true } as const;

/**
 * Docs the actor can still open: a member of their workspace, or invited to the doc itself.
 * INVARIANT: the same two grants requireDocAccess (lib/docs/access.ts) reads for a signed-in user.
 */
const readableBy = (userId: string) => ({
  archivedAt: null,
  OR: [{ workspace: { memberships: { some: { userId } } } }, { members: { some: { userId } } }],
});

/** Docs in every workspace where the actor is asked to review and has not (or no longer) approved. */
export async function listWaitingForMyReview(actor: Actor): Promise<WaitingReviewDTO[]> {
  const now = new Date();
  const requests = await db.reviewRequest.findMany({
    where: { reviewerId: actor.id, cancelledAt: null, document: readableBy(actor.id) },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 50,
    select: {
      sectionKeys: true,
      dueAt: true,
      rerequestedAt: true,
      requestedBy: { select: { name: true } },
      document: {
        select: {
          id: true,
          slug: true,
          title: true,
          updatedAt: true,
          workspace: { select: { id: true, name: true } },
          author: { select: { name: true } },
          verdicts: { where: { reviewerId: actor.id }, select: verdictSelect },
        },
      },
    },
  });
  return requests
    .map((r) => {
      const latest = latestDecisive(r.document.verdicts.map((v) => ({ ...v, stale: !!v.staleAt }))).get(actor.id);
      const rerequested = latest?.kind === "REQUEST_CHANGES" && !!r.rerequestedAt && r.rerequestedAt > latest.createdAt;
      return {
        docId: r.document.id,
        slug: r.document.slug,
        title: r.document.title,
        workspaceId: r.document.workspace.id,
        workspaceName: r.document.workspace.name,
        overdue: !!r.dueAt && r.dueAt < now,
        rerequested,
        author: r.document.author.name,
        requestedBy: r.requestedBy.name,
        dueAt: r.dueAt?.toISOString() ?? null,
        state: reviewerState({ reviewerId: actor.id, sectionKeys: r.sectionKeys }, latest),
        sections: r.sectionKeys.length,
        updatedAt: r.document.updatedAt.toISOString(),
      };
    })
    .filter((r) => r.state === "pending" || r.state === "stale" || r.rerequested);
}

/** The actor's own docs (every workspace) in review or with changes requested, with how far sign-off has come. */
export async function listMyDocsInReview(actor: Actor): Promise<MyDocInReviewDTO[]> {
  const now = new Date();
  const docs = await db.document.findMany({
    where: { ...readableBy(actor.id), authorId: actor.id, status: { in: ["IN_REVIEW", "CHANGES_REQUESTED"] } },
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
      workspace: { select: { id: true, name: true } },
      reviewRequests: {
        where: { cancelledAt: null },
        select: { reviewerId: true, sectionKeys: true, dueAt: true, reviewer: { select: { name: true } } },
      },
      verdicts: { select: verdictSelect },
    },
  });
  return docs.map((d) => {
    const latest = latestDecisive(d.verdicts.map((v) => ({ ...v, stale: !!v.staleAt })));
    const states = d.reviewRequests.map((r) => ({
      name: r.reviewer.name,
      state: reviewerState(r, latest.get(r.reviewerId)),
      dueAt: r.dueAt,
    }));
    return {
      docId: d.id,
      slug: d.slug,
      title: d.title,
      workspaceId: d.workspace.id,
      workspaceName: d.workspace.name,
      overdue: states.some((s) => !!s.dueAt && s.dueAt < now && (s.state === "pending" || s.state === "stale")),
      status: d.status,
      approved: states.filter((s) => s.state === "approved").length,
      needed: d.reviewRule === "AT_LEAST" ? (d.requiredApprovals ?? 1) : states.length,
      changesRequestedBy: states.filter((s) => s.state === "changes_requested").map((s) => s.name),
      updatedAt: d.updatedAt.toISOString(),
    };
  });
}
