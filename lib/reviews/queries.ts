import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { docCan, docRoleFromWorkspace } from "@/lib/docs/policy";
import { coveredSections, diffSinceSnapshot, type Snapshot } from "./content";
import { latestDecisive, reviewerState } from "./derive-status";
import type { ReviewCandidateDTO, ReviewerDTO, SignOffStateDTO, VerdictDTO } from "./dto";
import { getReviewedByStamps } from "./stamps";

const person = { select: { id: true, name: true } } as const;

type VerdictRow = {
  id: string;
  reviewerId: string;
  kind: "APPROVE" | "REQUEST_CHANGES" | "COMMENT";
  body: string | null;
  revision: number;
  sectionKeys: string[];
  contentHash: string;
  snapshot: unknown;
  createdAt: Date;
  staleAt: Date | null;
  reviewer: { id: string; name: string };
};

function toVerdictDTO(v: VerdictRow): VerdictDTO {
  return {
    id: v.id,
    reviewer: v.reviewer,
    kind: v.kind,
    body: v.body,
    revision: v.revision,
    sectionKeys: v.sectionKeys,
    contentHash: v.contentHash,
    createdAt: v.createdAt.toISOString(),
    staleAt: v.staleAt?.toISOString() ?? null,
  };
}

/** Who was asked, where each reviewer stands, what is still needed, and what the viewer may do. NOT_FOUND unless readable. */
export async function getSignOffState(actor: Actor, docId: string): Promise<SignOffStateDTO> {
  const { doc, role } = await requireDocAccess(actor, { id: docId }, "view");
  const [full, requests, verdicts, stamps] = await Promise.all([
    db.document.findUniqueOrThrow({
      where: { id: doc.id },
      select: { status: true, revision: true, reviewRule: true, requiredApprovals: true, lockedAt: true, lockedBy: person, archivedAt: true },
    }),
    db.reviewRequest.findMany({
      where: { documentId: doc.id, cancelledAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, sectionKeys: true, message: true, dueAt: true, reviewer: person, requestedBy: person },
    }),
    db.verdict.findMany({
      where: { documentId: doc.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, reviewerId: true, kind: true, body: true, revision: true, sectionKeys: true, contentHash: true, snapshot: true, createdAt: true, staleAt: true, reviewer: person },
    }),
    getReviewedByStamps(doc.id),
  ]);
  const latest = latestDecisive(verdicts.map((v) => ({ ...v, stale: !!v.staleAt })));
  const reviewers: ReviewerDTO[] = requests.map((r) => {
    const decisive = latest.get(r.reviewer.id);
    return {
      requestId: r.id,
      reviewer: r.reviewer,
      requestedBy: r.requestedBy,
      sectionKeys: r.sectionKeys,
      message: r.message,
      dueAt: r.dueAt?.toISOString() ?? null,
      state: reviewerState({ reviewerId: r.reviewer.id, sectionKeys: r.sectionKeys }, decisive),
      decisive: decisive ? toVerdictDTO(decisive) : null,
    };
  });
  const requested = new Set(requests.map((r) => r.reviewer.id));
  const approvalsCurrent = reviewers.filter((r) => r.state === "approved").length;
  const approvalsNeeded = full.reviewRule === "AT_LEAST" ? (full.requiredApprovals ?? 1) : reviewers.length;

  const mine = reviewers.find((r) => r.reviewer.id === actor.id) ?? null;
  const myLatest = latest.get(actor.id);
  let staleDiff = null;
  if (myLatest?.kind === "APPROVE" && myLatest.staleAt) {
    const sections = await db.section.findMany({ where: { documentId: doc.id }, orderBy: { order: "asc" }, select: { key: true, title: true, version: true, content: true, text: true } });
    staleDiff = diffSinceSnapshot(myLatest.snapshot as Snapshot, coveredSections(sections, myLatest.sectionKeys));
  }
  const writable = !full.archivedAt;
  return {
    docId: doc.id,
    status: full.status,
    revision: full.revision,
    rule: full.reviewRule,
    requiredApprovals: full.requiredApprovals,
    approvalsNeeded,
    approvalsCurrent,
    lockedAt: full.lockedAt?.toISOString() ?? null,
    lockedBy: full.lockedBy,
    reviewers,
    otherVerdicts: verdicts.filter((v) => !requested.has(v.reviewerId) && v.kind !== "COMMENT").map(toVerdictDTO),
    stamps,
    me: {
      canRequest: writable && docCan(role, "edit"),
      canReview: writable && docCan(role, "review"),
      canApprove: writable && docCan(role, "review") && doc.authorId !== actor.id,
      canLock: docCan(role, "manage"),
      request: mine,
      staleDiff,
    },
  };
}

/** Members who may be asked to review this doc: review permission, not the author. Names only. */
export async function listReviewCandidates(actor: Actor, docId: string): Promise<ReviewCandidateDTO[]> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "edit");
  const members = await db.membership.findMany({
    where: { workspaceId: doc.workspaceId, userId: { not: doc.authorId } },
    orderBy: { user: { name: "asc" } },
    select: { role: true, user: person },
  });
  return members.filter((m) => docCan(docRoleFromWorkspace(m.role, false), "review")).map((m) => m.user);
}
