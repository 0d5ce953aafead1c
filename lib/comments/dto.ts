import type { PersonDTO } from "@/lib/docs/dto";

/**
 * What crosses to the browser for review comments: names and ids, never emails.
 * Guests appear with the name they typed and `guest: true`.
 */
export type CommentAuthorDTO = { id: string | null; name: string; guest: boolean };

export type CommentDTO = {
  id: string;
  author: CommentAuthorDTO;
  /** Server-rendered HTML of the validated body; null once deleted. */
  html: string | null;
  /** The body JSON, for the author's own edit form only (null otherwise). */
  body: unknown;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  mine: boolean;
};

export type ThreadDTO = {
  id: string;
  sectionKey: string;
  anchor: "TEXT" | "SECTION" | "REMOVED";
  /** The marked words as they read now. */
  quote: string | null;
  /** The words the thread was written on; differs from `quote` once they were edited. */
  originalQuote: string | null;
  blocking: boolean;
  blockingBy: PersonDTO | null;
  resolvedAt: string | null;
  resolvedBy: PersonDTO | null;
  reopenedAt: string | null;
  reopenedBy: PersonDTO | null;
  createdAt: string;
  updatedAt: string;
  comments: CommentDTO[];
  /** Started by the viewer, replied to by them, or mentioning them. */
  mine: boolean;
};

export type CommentPermissionsDTO = {
  canComment: boolean;
  canResolve: boolean;
  canMarkBlocking: boolean;
  canMention: boolean;
  guest: boolean;
};

export type ThreadListDTO = { threads: ThreadDTO[]; me: CommentPermissionsDTO };

export type MentionCandidateDTO = { id: string; name: string };
