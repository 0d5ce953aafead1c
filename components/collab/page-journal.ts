import * as Y from "yjs";
import { DeviceJournal, parseJournal, type JournalContents } from "@/lib/collab/journal";
import { journalDocPrefix, storageKeysWith } from "@/lib/collab/journal-key";

/** How long updates wait in the journal before one IndexedDB write takes them all (a burst of typing). */
const FLUSH_DELAY_MS = 250;
/** After IndexedDB refused a write (quota, a closing connection). */
const RETRY_DELAY_MS = 2_000;

function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * This page's journal of one live doc (lib/collab/journal.ts) in the browser: written on every
 * update, emptied into the device copy's IndexedDB a moment later (and at once when the page is
 * hidden or left), and a journal another page of the doc left behind — it closed before IndexedDB
 * had all — is taken in once that page is gone (a Web Lock per journal says whether it is).
 */
export class PageJournal {
  private readonly storage = browserStorage();
  private readonly prefix: string;
  private readonly journal: DeviceJournal;
  private readonly locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  private readonly stopped = new AbortController();
  private readonly watched = new Set<string>();
  private release: () => void = () => {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing = false;
  private closing = false;
  private database: () => IDBDatabase | null = () => null;

  constructor(
    userId: string,
    docName: string,
    private readonly takeIn: (found: JournalContents) => void,
  ) {
    this.prefix = journalDocPrefix(userId, docName);
    const key = `${this.prefix}${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    this.journal = new DeviceJournal(this.storage, key);
    // INVARIANT: asked for before anything is written under the key, so no other page sees the key unlocked while
    // this page lives.
    void this.locks
      ?.request(key, () => new Promise<void>((resolve) => (this.release = resolve)))
      .catch(() => undefined);
    window.addEventListener("storage", this.noticeJournal);
    window.addEventListener("pagehide", this.flush);
    document.addEventListener("visibilitychange", this.flushWhenHidden);
  }

  /** Takes in the journals of closed pages of this doc (resolves once done); those of open pages once they close. */
  start(): Promise<void> {
    return Promise.all(storageKeysWith(this.storage, this.prefix).map((key) => this.watch(key))).then(() => {});
  }

  /** Whether another page (open or closed) has a journal of this doc. */
  othersKeep(): boolean {
    return storageKeysWith(this.storage, this.prefix).some((key) => key !== this.journal.key);
  }

  /** Where the journal is emptied to: the device copy's database, once open. */
  writeTo(database: () => IDBDatabase | null): void {
    this.database = database;
    this.flush();
  }

  note(update: Uint8Array, pending: number): void {
    this.journal.append(update, pending);
    this.timer ??= setTimeout(this.flush, FLUSH_DELAY_MS);
  }

  adopt(updates: Uint8Array[], pending: number): void {
    this.journal.adopt(updates, pending);
    this.timer ??= setTimeout(this.flush, FLUSH_DELAY_MS);
  }

  setPending(pending: number): void {
    this.journal.setPending(pending);
  }

  /** The server stored every edit of this page. */
  clear(): void {
    this.journal.clear();
  }

  /** The page is done with the doc: what is left goes to IndexedDB (on sign-out, `discard`: nothing stays). */
  close(discard: boolean): void {
    if (this.closing) return;
    this.closing = true;
    this.stopped.abort();
    window.removeEventListener("storage", this.noticeJournal);
    window.removeEventListener("pagehide", this.flush);
    document.removeEventListener("visibilitychange", this.flushWhenHidden);
    if (discard) this.journal.stop(true);
    else this.flush();
    // A write still under way keeps the key locked until it settles (so no other page takes in a journal in flux).
    if (!this.flushing) this.finish();
  }

  private finish(): void {
    this.journal.stop();
    this.release();
  }

  private flushWhenHidden = (): void => {
    if (document.visibilityState === "hidden") this.flush();
  };

  private flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const database = this.database();
    const batch = this.journal.unflushed();
    if (this.flushing || !database || !batch) return;
    let transaction: IDBTransaction;
    try {
      // The stores y-indexeddb made; its own write of each update is in an earlier transaction on the same store, so
      // this one completing also means those have.
      transaction = database.transaction(["updates", "custom"], "readwrite");
      if (batch.updates.length > 0) transaction.objectStore("updates").add(Y.mergeUpdates(batch.updates));
      transaction.objectStore("custom").put(batch.pending, "pending");
    } catch {
      if (!this.closing) this.timer = setTimeout(this.flush, RETRY_DELAY_MS);
      return;
    }
    this.flushing = true;
    const settle = (committed: boolean) => {
      this.flushing = false;
      if (committed) this.journal.flushed(batch.through);
      if (this.closing) return this.finish();
      if (this.journal.unflushed()) this.timer ??= setTimeout(this.flush, committed ? 0 : RETRY_DELAY_MS);
    };
    transaction.oncomplete = () => settle(true);
    transaction.onabort = () => settle(false);
  };

  private noticeJournal = (event: StorageEvent): void => {
    if (event.key?.startsWith(this.prefix) && event.newValue !== null) void this.watch(event.key);
  };

  /** Takes in `key`'s journal at once if its page is gone, else once it goes. */
  private async watch(key: string): Promise<void> {
    if (key === this.journal.key || this.watched.has(key) || this.closing) return;
    this.watched.add(key);
    const locks = this.locks;
    if (!locks) return this.take(key);
    const whenGone = () =>
      locks.request(key, { signal: this.stopped.signal }, () => this.take(key)).catch(() => undefined); // closed first
    try {
      const gone = await locks.request(key, { ifAvailable: true }, (lock) => {
        if (lock) this.take(key);
        return lock !== null;
      });
      if (!gone) void whenGone();
    } catch {
      // Locks off limits here: the journal waits for a later page.
    }
  }

  private take(key: string): void {
    if (this.closing || !this.storage) return;
    let raw: string | null = null;
    try {
      raw = this.storage.getItem(key);
    } catch {
      return;
    }
    const found = parseJournal(raw);
    // What it held is in this page's journal before the key goes (both synchronous: no moment without either).
    if (found) this.takeIn(found);
    try {
      this.storage.removeItem(key);
    } catch {
      // Left for a later page; taking it in twice is harmless (Yjs merges an update once).
    }
  }
}
