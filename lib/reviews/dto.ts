import type { DocStatus, PersonDTO } from "@/lib/docs/dto";
import type { DiffPart } from "@/lib/editor/word-diff";
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
  /** The author asked again after this reviewer requested changes (and edited since). */
  rerequestedAt: string | null;
  state: ReviewerState;
  /** The verdict that decides the state (latest approve / request changes). */
  decisive: VerdictDTO | null;
};

/**
 * "Reviewed By: <name> (approved <date>, revision N)" — one per reviewer whose standing decision is an approval.
 * A stale one stays listed, marked (`stale`), so nobody reads a vanished approval as "never reviewed".
 */
export type ReviewedByStamp = {
  reviewer: PersonDTO;
  approvedAt: string;
  revision: number;
  contentHash: string;
  /** Set when content it covered changed since: when, and the section whose edit did it (null: unknown). */
  stale: { at: string; section: string | null } | null;
};

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
    /** Why a reviewer may not approve (they edited what they would approve since the last approval); else null. */
    cannotApprove: string | null;
    canLock: boolean;
    request: ReviewerDTO | null;
    /** My stale approval and what changed since, section by section. */
    staleDiff: SectionDiffDTO[] | null;
    /** I requested changes: what changed since, section by section (null when nothing did). */
    changesSince: SectionDiffDTO[] | null;
    /** A reviewer who requested changes has not seen the edits made since: "Re-request review" applies. */
    canRerequest: boolean;
  };
};

export type TimelineEventDTO = {
  id: string;
  type: string;
  text: string;
  actor: PersonDTO | null;
  createdAt: string;
  detail: string | null;
};

export type ReviewCandidateDTO = { id: string; name: string };
