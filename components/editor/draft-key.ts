/**
 * Where a section's unsaved draft lives in localStorage. Apart from ./draft-store.ts
 * so the doc page can ask "is there a draft here?" on load without the store's
 * code, which comes only when there is one.
 */
export type DraftScope = {
  docId: string;
  sectionKey: string;
  /** Keeps two people who share a browser from inheriting each other's drafts. */
  userId?: string | null;
};

const PREFIX = "design-review:draft:v1";

export function draftKey({ docId, sectionKey, userId }: DraftScope): string {
  return [PREFIX, ...[userId || "-", docId, sectionKey].map(encodeURIComponent)].join(":");
}

/** Whether this browser holds something under the scope's key (false where storage is off limits). */
export function hasStoredDraft(scope: DraftScope): boolean {
  try {
    return typeof window !== "undefined" && window.localStorage.getItem(draftKey(scope)) !== null;
  } catch {
    return false;
  }
}
