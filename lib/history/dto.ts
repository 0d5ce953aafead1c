import type { PersonDTO } from "@/lib/docs/dto";
import type { ReviewedByStamp } from "@/lib/reviews/dto";
import type { EventKind, VersionKind } from "./bursts";
import type { SectionDiff } from "./doc-diff";

/**
 * What the history API and pages send. A point in history is a seq (a number): the doc
 * as of P is, for each section, its latest version with seq ≤ P. Client-safe.
 */
export type BurstDTO = {
  type: "burst";
  fromSeq: number;
  toSeq: number;
  /** The point just before the burst: comparing it with toSeq shows what the burst changed. */
  beforeSeq: number;
  startedAt: string;
  endedAt: string;
  authors: PersonDTO[];
  sections: { key: string; title: string }[];
  versions: number;
  kinds: VersionKind[];
  restoredFromSeq: number | null;
};

export type HistoryEventDTO = {
  type: "event";
  kind: EventKind;
  at: string;
  seq: number;
  actor: PersonDTO | null;
  /** The reviewer asked (review_requested) or deciding (verdicts). */
  subject: PersonDTO | null;
  /** A named version's name. */
  label: string | null;
  sectionKeys: string[];
};

export type HistoryEntryDTO = BurstDTO | HistoryEventDTO;

/** One-click comparisons offered above the list: since each reviewer's latest approval. */
export type ApprovalPointDTO = {
  reviewer: PersonDTO;
  approvedAt: string;
  seq: number;
  /** The approval still counts (covered sections unchanged). */
  current: boolean;
  namedVersion: string | null;
};

/** Where "changes since your last visit" starts: what the person had seen when their previous visit ended. */
export type LastVisitDTO = { seq: number; at: string };

export type NamedVersionDTO = { id: string; name: string; seq: number; createdAt: string; createdBy: PersonDTO | null };

export type HistoryPageDTO = {
  docId: string;
  slug: string;
  title: string;
  /** The doc now, as a point. */
  headSeq: number;
  entries: HistoryEntryDTO[];
  /** Pass as `before` for the next (older) page; null at the doc's first version. */
  next: number | null;
  approvals: ApprovalPointDTO[];
  /** This reader's last visit (null before their second visit). */
  lastVisit: LastVisitDTO | null;
  namedVersions: NamedVersionDTO[];
  canRestore: boolean;
};

export type SectionAsOfDTO = {
  key: string;
  title: string;
  order: number;
  version: number;
  contentHash: string;
  html: string;
  updatedAt: string;
  updatedBy: PersonDTO | null;
};

/** The doc as of a point, with the footer stamps as they were then. */
export type PointDTO = {
  docId: string;
  slug: string;
  title: string;
  seq: number;
  headSeq: number;
  at: string;
  namedVersion: string | null;
  sections: SectionAsOfDTO[];
  lastUpdated: { at: string; by: PersonDTO | null } | null;
  reviewedBy: ReviewedByStamp[];
  canRestore: boolean;
};

export type PointRefDTO = { seq: number; at: string | null; namedVersion: string | null };

export type HistoryDiffDTO = {
  docId: string;
  slug: string;
  title: string;
  from: PointRefDTO;
  to: PointRefDTO;
  headSeq: number;
  sections: SectionDiff[];
  canRestore: boolean;
};
