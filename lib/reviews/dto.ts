import type { DocStatus, PersonDTO } from "@/lib/docs/dto";
import type { DiffPart } from "@/components/editor/word-diff";
import type { ReviewerState } from "./derive-status";

/** What crosses to the browser for the review flow: names and ids only, never emails. */
export type VerdictDTO = {
  id: string;
  reviewer: PersonDTO;
  kind: "APPROVE" | "REQUEST_CHANGES" | "COMMENT";
  body: string | null;
  revision: number;
  sectionKeys: string[];
  contentHash: string;
  createdAt: string;
  staleAt: string | null;
};

export type ReviewerDTO = {
  requestId: string;
  reviewer: PersonDTO;
  requestedBy: PersonDTO;
  /** Empty: the whole doc. */
  sectionKeys: string[];
  message: string | null;
  dueAt: string | null;
  state: ReviewerState;
  /** The verdict that decides the state (latest approve / request changes). */
  decisive: VerdictDTO | null;
};

/** "Reviewed By: <name> (approved <date>, revision N)" — one per current approval. */
export type ReviewedByStamp = { reviewer: PersonDTO; approvedAt: string; revision: number; contentHash: string };

export type SectionDiffDTO = { key: string; title: string; before: string | null; after: string; parts: DiffPart[] };

export type SignOffStateDTO = {
  docId: string;
  status: DocStatus;
  revision: number;
  rule: "ALL" | "AT_LEAST";
  requiredApprovals: number | null;
  /** Approvals the status still needs. */
  approvalsNeeded: number;
  approvalsCurrent: number;
  lockedAt: string | null;
  lockedBy: PersonDTO | null;
  reviewers: ReviewerDTO[];
  /** Verdicts of people who were not asked (shown, not counted). */
  otherVerdicts: VerdictDTO[];
  stamps: ReviewedByStamp[];
  me: {
    canRequest: boolean;
    canReview: boolean;
    canApprove: boolean;
    canLock: boolean;
    request: ReviewerDTO | null;
    /** My stale approval and what changed since, section by section. */
    staleDiff: SectionDiffDTO[] | null;
  };
};

export type TimelineEventDTO = { id: string; type: string; text: string; actor: PersonDTO | null; createdAt: string; detail: string | null };

export type ReviewCandidateDTO = { id: string; name: string };
