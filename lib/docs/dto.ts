import type { JSONContent } from "@tiptap/core";
import type { DocRole } from "./policy";

/**
 * What crosses from the server to the browser for docs. Client-safe: no Prisma
 * rows, no emails of strangers. INVARIANT: `html` is produced by the server
 * renderer from validated content, never from client input.
 */
export type PersonDTO = { id: string; name: string };

export type DocAccessDTO = {
  role: DocRole;
  canEdit: boolean;
  canComment: boolean;
  canReview: boolean;
  /** Share links and people with access (owners and editors). */
  canShare: boolean;
  canManage: boolean;
};

/** A section as the doc page sends it: its HTML and stamps, not its JSON (fetched when someone starts editing). */
export type SectionSummaryDTO = {
  id: string;
  key: string;
  title: string;
  order: number;
  version: number;
  /** Server-rendered HTML of the content at `version` (rebuilt on every save). */
  html: string;
  /** Plain-text guidance from the template, shown while the section is empty. */
  guidance: string;
  /** The template gave this section an outline ("Insert outline"). */
  hasOutline: boolean;
  required: boolean;
  /** Not one of the template's sections: editors may rename, move and remove it. */
  extra: boolean;
  isEmpty: boolean;
  updatedAt: string;
  updatedBy: PersonDTO | null;
};

export type SectionDTO = SectionSummaryDTO & {
  content: JSONContent;
  /** Tiptap JSON the "Insert outline" action inserts; null when the template has none. */
  outline: JSONContent | null;
};

export type DocStatus = "DRAFT" | "IN_REVIEW" | "CHANGES_REQUESTED" | "APPROVED";

export type DocDTO = {
  id: string;
  slug: string;
  title: string;
  status: DocStatus;
  workspace: { id: string; name: string; slug: string };
  template: { id: string; name: string } | null;
  author: PersonDTO;
  revision: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: PersonDTO;
  archivedAt: string | null;
  sections: SectionDTO[];
  access: DocAccessDTO;
  /** The point in history this is (the doc's headSeq; lib/docs/content/): a verdict may name what it read by it. */
  seq?: number;
};

/** The doc page's doc: section summaries, and the review fields its sign-off state is built from. */
export type DocPageDTO = Omit<DocDTO, "sections"> & { sections: SectionSummaryDTO[] };

export type DocListItemDTO = {
  id: string;
  slug: string;
  title: string;
  status: DocStatus;
  author: PersonDTO;
  updatedAt: string;
  updatedBy: PersonDTO;
  archivedAt: string | null;
  /** Sections with content / all sections. */
  filled: number;
  total: number;
  /** For search results: the best-matching section and a plain-text snippet (terms wrapped in «»). */
  /** A comment hit names its thread (and the words it is on); `snippet` is then from the comment. */
  match?: {
    sectionKey: string;
    sectionTitle: string;
    snippet: string;
    thread?: { id: string; quote: string | null };
  } | null;
};

/** The outcome of one section save, as the editor sees it. */
export type SaveOutcome =
  /** `docRevision`: the doc revision the save made (absent when the content was unchanged). */
  | { status: "saved"; version: number; updatedAt: string; updatedBy: PersonDTO; docRevision?: number }
  | {
      status: "conflict";
      message: string;
      /** The newer content the server kept; the editor shows it beside the user's own. */
      current: { version: number; content: JSONContent; html: string; updatedAt: string; updatedBy: PersonDTO | null };
    }
  | { status: "invalid"; message: string }
  | { status: "denied"; message: string }
  /** Database or server trouble: keep the draft locally and retry. */
  | { status: "unavailable"; message: string };

export type SaveSectionInput = { docId: string; sectionKey: string; baseVersion: number; content: unknown };
