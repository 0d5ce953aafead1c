import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db";
import { isoSql } from "@/lib/db/sql";
import { requireDocAccess, type DocContext } from "@/lib/docs/access";
import type { PersonDTO } from "@/lib/docs/dto";
import { AppError } from "@/lib/errors";
import { docCan } from "@/lib/docs/policy";
import { coveredSections, diffSinceSnapshot, type Snapshot } from "./content";
import { latestDecisive, reviewerState } from "./derive-status";
import type { ReviewCandidateDTO, ReviewerDTO, SignOffStateDTO, VerdictDTO } from "./dto";
import { parseReviewRecords, reviewRecordsSql, type RequestRecord, type VerdictRecord } from "./records";
import { approvalBlockedReason } from "./independence";
import { canBeAsked, peopleWithDocRoles } from "./reviewers";
import { stampsFromVerdicts } from "./stamps";

function toVerdictDTO(v: VerdictRecord): VerdictDTO {
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

/** The doc fields the sign-off state reads besides the review records. */
export type SignOffDocFields = {
  status: SignOffStateDTO["status"];
  revision: number;
  reviewRule: SignOffStateDTO["rule"];
  requiredApprovals: number | null;
  lockedAt: string | null;
  lockedBy: PersonDTO | null;
  archivedAt: string | null;
  /** Columns of approvalEditorsSql (in reviewRecordsSql). */
  independentApproval: boolean | null;
  approvalEditors: unknown;
};

/**
 * Who was asked, where each reviewer stands, what is still needed, and what the viewer may do. NOT_FOUND unless
 * readable.
 */
export async function getSignOffState(actor: Actor, docId: string): Promise<SignOffStateDTO> {
  const ctx = await requireDocAccess(actor, { id: docId }, "view");
  const rows = await db.$queryRaw<(SignOffDocFields & { reviewRequests: unknown; verdicts: unknown })[]>`
    SELECT d.status::text AS status, d.revision, d."reviewRule"::text AS "reviewRule", d."requiredApprovals",
      ${isoSql(Prisma.raw(`d."lockedAt"`))} AS "lockedAt", ${isoSql(Prisma.raw(`d."archivedAt"`))} AS "archivedAt",
      (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = d."lockedById") AS "lockedBy",
      ${reviewRecordsSql(Prisma.raw(`d.id`))}
    FROM "Document" d WHERE d.id = ${ctx.doc.id}`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "This doc does not exist, or you do not have access to it.");
  return signOffStateFrom(actor, ctx, row, parseReviewRecords(row));
}

/** What changed in the sections a verdict covered, since that verdict (its snapshot). */
async function diffSinceVerdict(docId: string, verdictId: string, keys: string[]) {
  const [verdict, sections] = await Promise.all([
    db.verdict.findUniqueOrThrow({ where: { id: verdictId }, select: { snapshot: true } }),
    db.section.findMany({
      where: { documentId: docId },
      orderBy: { order: "asc" },
      select: { key: true, title: true, version: true, content: true, text: true },
    }),
  ]);
  return diffSinceSnapshot(verdict.snapshot as Snapshot, coveredSections(sections, keys));
}

/**
 * The sign-off state from records already loaded (the doc page loads them with the
 * doc in one statement). Only a stale approval of the viewer's own costs another
 * query: the word diff of what changed since.
 */
export async function signOffStateFrom(
  actor: Actor,
  { doc, role }: DocContext,
  full: SignOffDocFields,
  { requests, verdicts }: { requests: RequestRecord[]; verdicts: VerdictRecord[] },
): Promise<SignOffStateDTO> {
  const latest = latestDecisive(verdicts);
  const reviewers: ReviewerDTO[] = requests.map((r) => {
    const decisive = latest.get(r.reviewer.id);
    return {
      requestId: r.id,
      reviewer: r.reviewer,
      requestedBy: r.requestedBy,
      sectionKeys: r.sectionKeys,
      message: r.message,
      dueAt: r.dueAt,
      rerequestedAt: r.rerequestedAt,
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
  let changesSince = null;
  if (myLatest?.kind === "REQUEST_CHANGES" && myLatest.revision < full.revision) {
    changesSince = await diffSinceVerdict(doc.id, myLatest.id, myLatest.sectionKeys);
    if (changesSince.length === 0) changesSince = null;
  }
  if (myLatest?.kind === "APPROVE" && myLatest.staleAt) {
    const [verdict, sections] = await Promise.all([
      db.verdict.findUniqueOrThrow({ where: { id: myLatest.id }, select: { snapshot: true } }),
      db.section.findMany({
        where: { documentId: doc.id },
        orderBy: { order: "asc" },
        select: { key: true, title: true, version: true, content: true, text: true },
      }),
    ]);
    staleDiff = diffSinceSnapshot(verdict.snapshot as Snapshot, coveredSections(sections, myLatest.sectionKeys));
  }
  const writable = !full.archivedAt;
  const mayReview = writable && docCan(role, "review") && doc.authorId !== actor.id;
  const cannotApprove = mayReview ? approvalBlockedReason(full, actor.id, mine?.sectionKeys ?? []) : null;
  return {
    docId: doc.id,
    status: full.status,
    revision: full.revision,
    rule: full.reviewRule,
    requiredApprovals: full.requiredApprovals,
    approvalsNeeded,
    approvalsCurrent,
    lockedAt: full.lockedAt,
    lockedBy: full.lockedBy,
    reviewers,
    otherVerdicts: verdicts.filter((v) => !requested.has(v.reviewerId) && v.kind !== "COMMENT").map(toVerdictDTO),
    stamps: stampsFromVerdicts(verdicts),
    me: {
      canRequest: writable && docCan(role, "edit"),
      canReview: writable && docCan(role, "review"),
      canApprove: mayReview && !cannotApprove,
      cannotApprove,
      canLock: docCan(role, "manage"),
      request: mine,
      staleDiff,
      changesSince,
      canRerequest:
        writable &&
        docCan(role, "edit") &&
        reviewers.some(
          (r) =>
            r.state === "changes_requested" &&
            !!r.decisive &&
            r.decisive.revision < full.revision &&
            (!r.rerequestedAt || r.rerequestedAt < r.decisive.createdAt),
        ),
    },
  };
}

/**
 * People who may be asked to review this doc: review permission through the workspace or the doc itself, not the
 * author. Names only.
 */
export async function listReviewCandidates(actor: Actor, docId: string): Promise<ReviewCandidateDTO[]> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "edit");
  const people = await peopleWithDocRoles(doc);
  // Nobody asks themselves for a review.
  return people
    .filter((p) => canBeAsked(p, doc.authorId) && p.userId !== actor.id)
    .map((p) => ({ id: p.userId, name: p.name }));
}
