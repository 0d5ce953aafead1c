import * as Y from "yjs";

/**
 * A small synchronous journal of a page's Yjs updates that the device copy (IndexedDB) may not
 * hold yet. IndexedDB commits a moment after each keystroke, and a tab closed in that moment
 * loses the transaction; localStorage writes at once and survives the page. Entries leave the
 * journal once IndexedDB has committed them, and the whole journal once the server stored
 * everything, so it stays a few keystrokes long. Pure: the Storage is passed in (tests use a
 * fake); every Storage call may throw, and none of that reaches the editor.
 * Why and how: docs/offline-journal.md.
 */

export type JournalStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** What a journal left in storage holds: edits not confirmed by the server, and updates maybe not on the device. */
export type JournalContents = { pending: number; updates: Uint8Array[] };

/** localStorage holds ~5 MB per site for everything: one page's journal takes at most a fifth of it. */
export const JOURNAL_MAX_CHARS = 1_000_000;

type Entry = { update: Uint8Array; text: string; seq: number };

export class DeviceJournal {
  private entries: Entry[] = [];
  private pending = 0;
  private seq = 0;
  /**
   * Over the limit: updates are not journaled (the pending count still is) until IndexedDB committed everything up
   * to the last one left out, `dropped` (y-indexeddb writes each update too; a later transaction commits after it).
   */
  private full = false;
  private dropped = 0;
  private stopped = false;

  constructor(
    private readonly storage: JournalStorage | null,
    readonly key: string,
    private readonly maxChars = JOURNAL_MAX_CHARS,
  ) {}

  /** Keeps `update` (and the count of edits waiting for the server); false when it could not be kept. */
  append(update: Uint8Array, pending: number): boolean {
    return this.add([update], pending);
  }

  /** Takes in what another page's journal held (its updates, already in this page's doc). */
  adopt(updates: Uint8Array[], pending: number): boolean {
    return this.add(updates, pending);
  }

  setPending(pending: number): void {
    this.pending = pending;
    this.persist();
  }

  /** The updates to hand to IndexedDB, and the mark to give `flushed` once it committed them (null: nothing). */
  unflushed(): { updates: Uint8Array[]; through: number; pending: number } | null {
    if (this.entries.length === 0 && !this.full) return null;
    return { updates: this.entries.map((e) => e.update), through: this.seq, pending: this.pending };
  }

  /** IndexedDB committed every update up to `through`: they leave the journal. */
  flushed(through: number): void {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.seq > through);
    if (this.full && through >= this.dropped) this.full = false;
    if (this.entries.length !== before) this.persist();
  }

  /** The server stored every edit: nothing is left to keep. */
  clear(): void {
    this.entries = [];
    this.pending = 0;
    this.full = false;
    this.persist();
  }

  /** No more writes, ever (the page closed; on sign-out `discard` also removes what is there). */
  stop(discard = false): void {
    if (discard) this.attempt((s) => s.removeItem(this.key));
    this.stopped = true;
  }

  private add(updates: Uint8Array[], pending: number): boolean {
    this.pending = pending;
    const before = this.entries;
    if (!this.full) {
      this.entries = [...before, ...updates.map((update) => ({ update, text: toBase64(update), seq: ++this.seq }))];
      if (this.persist()) return true;
      // Too big even compacted, or refused by the browser: keep what was written, without these updates.
      this.full = true;
      this.entries = before;
    } else this.seq += updates.length;
    this.dropped = this.seq;
    this.persist();
    return false;
  }

  private persist(): boolean {
    if (this.stopped || !this.storage) return false;
    if (this.entries.length === 0 && this.pending === 0) {
      this.attempt((s) => s.removeItem(this.key));
      return true;
    }
    if (this.write()) return true;
    if (this.entries.length < 2) return false;
    this.compact();
    return this.write();
  }

  private write(): boolean {
    const text = JSON.stringify({ v: 1, pending: this.pending, updates: this.entries.map((e) => e.text) });
    if (text.length > this.maxChars) return false;
    return this.attempt((s) => {
      s.setItem(this.key, text);
      return true;
    });
  }

  /** One update instead of many (typing makes one per keystroke, mostly overhead). */
  private compact(): void {
    const update = Y.mergeUpdates(this.entries.map((e) => e.update));
    this.entries = [{ update, text: toBase64(update), seq: this.entries[this.entries.length - 1]!.seq }];
  }

  private attempt(fn: (storage: JournalStorage) => boolean | void): boolean {
    if (!this.storage) return false;
    try {
      return fn(this.storage) !== false;
    } catch {
      return false; // QuotaExceededError, or storage off limits since
    }
  }
}

/** What `raw` (a journal as stored) holds; null when it is not a journal. Unreadable updates are left out. */
export function parseJournal(raw: string | null): JournalContents | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { v, pending, updates } = value as Record<string, unknown>;
  if (v !== 1) return null;
  const kept = (Array.isArray(updates) ? updates : []).flatMap((text) => {
    const update = typeof text === "string" ? fromBase64(text) : null;
    return update && isUpdate(update) ? [update] : [];
  });
  const count = typeof pending === "number" && Number.isSafeInteger(pending) && pending > 0 ? pending : 0;
  // Updates without a count (a damaged count) are still edits the server may not have.
  return { pending: Math.max(count, kept.length > 0 ? 1 : 0), updates: kept };
}

/** Whether `bytes` is a Yjs update: applied to a scratch doc, so a damaged one never reaches the live doc. */
function isUpdate(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, bytes);
    return true;
  } catch {
    return false;
  } finally {
    scratch.destroy();
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
