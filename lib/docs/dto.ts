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

export type SectionDTO = {
  id: string;
  key: string;
  title: string;
  order: number;
  version: number;
  content: JSONContent;
  /** Server-rendered HTML of `content` at `version` (cached per version). */
  html: string;
  /** Plain-text guidance from the template, shown while the section is empty. */
  guidance: string;
  /** Tiptap JSON the "Insert outline" action inserts; null when the template has none. */
  outline: JSONContent | null;
  required: boolean;
  isEmpty: boolean;
  updatedAt: string;
  updatedBy: PersonDTO | null;
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
};

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
  match?: { sectionKey: string; sectionTitle: string; snippet: string } | null;
};

/** The outcome of one section save, as the editor sees it. */
export type SaveOutcome =
  | { status: "saved"; version: number; updatedAt: string; updatedBy: PersonDTO }
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
