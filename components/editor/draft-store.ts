import type { JSONContent } from "@tiptap/core";
import { sameContent } from "./content-key";
import { draftKey, type DraftScope } from "./draft-key";

export { draftKey, type DraftScope };

/**
 * Unsaved section content kept on this device (localStorage), so a reload, a
 * crash or a lost connection never costs a word. Pure: the Storage is passed in,
 * so tests use a fake and the browser passes `window.localStorage`.
 *
 * A draft remembers the version its content was based on. Restoring it saves
 * with that base version, so if the server moved on meanwhile the save is a
 * normal conflict, never a silent overwrite.
 */

export type SectionDraft = { content: JSONContent; baseVersion: number; savedAt: number };

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export type DraftStore = {
  read(scope: DraftScope): SectionDraft | null;
  /** False when the device refused (quota, private mode): the caller should say so. */
  write(scope: DraftScope, draft: { content: JSONContent; baseVersion: number }): boolean;
  clear(scope: DraftScope): void;
  /**
   * The server stored `content` as `version`. A draft equal to it is done; a draft
   * that differs holds edits made after that save, which are now based on `version`.
   */
  acknowledge(scope: DraftScope, saved: { content: JSONContent; version: number }): void;
};

function isDraft(value: unknown): value is SectionDraft {
  if (typeof value !== "object" || value === null) return false;
  const draft = value as Record<string, unknown>;
  const content = draft.content as Record<string, unknown> | null | undefined;
  return (
    typeof content === "object" &&
    content !== null &&
    content.type === "doc" &&
    Number.isSafeInteger(draft.baseVersion) &&
    (draft.baseVersion as number) >= 0 &&
    typeof draft.savedAt === "number"
  );
}

export function createDraftStore(storage: StorageLike | null, now: () => number = Date.now): DraftStore {
  // Every Storage call may throw (Safari private mode, a disabled storage policy):
  // drafts are a safety net and must never break editing.
  const attempt = <T>(fn: (s: StorageLike) => T, fallback: T): T => {
    if (!storage) return fallback;
    try {
      return fn(storage);
    } catch {
      return fallback;
    }
  };

  const store: DraftStore = {
    read(scope) {
      const raw = attempt((s) => s.getItem(draftKey(scope)), null);
      if (raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = null;
      }
      if (isDraft(parsed)) return { content: parsed.content, baseVersion: parsed.baseVersion, savedAt: parsed.savedAt };
      store.clear(scope);
      return null;
    },
    write(scope, { content, baseVersion }) {
      const value = JSON.stringify({ content, baseVersion, savedAt: now() } satisfies SectionDraft);
      return attempt((s) => {
        s.setItem(draftKey(scope), value);
        return true;
      }, false);
    },
    clear(scope) {
      attempt((s) => s.removeItem(draftKey(scope)), undefined);
    },
    acknowledge(scope, saved) {
      const draft = store.read(scope);
      if (!draft) return;
      if (sameContent(draft.content, saved.content)) store.clear(scope);
      else if (draft.baseVersion < saved.version)
        store.write(scope, { content: draft.content, baseVersion: saved.version });
    },
  };
  return store;
}

/** The browser's store; a no-op store on the server or where localStorage is off limits. */
export function getBrowserDraftStore(): DraftStore {
  let storage: StorageLike | null = null;
  try {
    storage = typeof window === "undefined" ? null : window.localStorage;
  } catch {
    storage = null;
  }
  return createDraftStore(storage);
}
