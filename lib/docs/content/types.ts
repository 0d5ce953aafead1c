import type { JSONContent } from "@tiptap/core";
import type { SectionVersionKind } from "@/lib/db";

/**
 * What a write is based on: the section version the writer loaded (editor saves, the API:
 * stale = 409), or nothing because the writer is the authority (a restore). The collaboration
 * server's store is the authority over every version it has taken in (`known`): a version
 * written since by anyone but a live doc (an API PUT, an import, a restore) is a 409 until the
 * live doc has merged it, so a store never lays typing over a write it has not seen.
 */
export type Basis =
  { kind: "version"; version: number } | { kind: "authoritative" } | { kind: "live"; known: number | undefined };

/** Who writes content. A guest commenter anchoring words has no account: id null. */
export type ContentActor = { id: string | null; name: string };

/** Where a write comes from; the version kind follows (editor and api → EDIT). */
export type ContentSource = "editor" | "api" | "annotation" | "restore" | "collab" | "import";

export const KIND_OF_SOURCE = {
  editor: "EDIT",
  api: "EDIT",
  annotation: "ANNOTATION",
  restore: "RESTORE",
  collab: "COLLAB",
  import: "IMPORT",
} as const satisfies Record<ContentSource, SectionVersionKind>;

export type CommitInput = {
  docId: string;
  sectionKey: string;
  /**
   * Untrusted section JSON (validated here), or a function of the content stored under
   * the row lock (an annotation adds its mark to exactly what is stored).
   */
  content: unknown | ((current: JSONContent) => JSONContent);
  basis: Basis;
  actor: ContentActor;
  source: ContentSource;
  /** Everyone whose changes this content holds, beside the actor (a collaboration merge). */
  coAuthorIds?: string[];
  /** A restore names the point it brings back. */
  restoredFromSeq?: bigint;
};

export type CommitResult = {
  changed: boolean;
  /** The section's version after the write (unchanged when nothing was written). */
  version: number;
  /** The SectionVersion written; null when nothing changed. */
  seq: bigint | null;
  contentHash: string;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
  /** The doc revision after the write; absent when nothing changed or for an annotation. */
  docRevision?: number;
  /** The write made an empty section written, or a written one empty (the doc's outline counts them). */
  emptinessChanged?: boolean;
};
