import type { JSONContent } from "@tiptap/core";
import type { PersonDTO, SaveOutcome } from "@/lib/docs/dto";
import { stableStringify } from "./content-key";

/**
 * Autosave for one section, without React or Tiptap: it is told that the content
 * changed, reads the content when it is time to save, and reports a status.
 *
 * INVARIANTS
 * - At most one save is in flight; edits made meanwhile are saved after it
 *   returns, based on the version that save produced.
 * - Content equal to what the server last acknowledged is never sent again.
 * - After a conflict nothing is saved until the writer chooses (saveOver or
 *   acceptRemote): neither side's text is overwritten silently.
 * - A network failure keeps the content "dirty" and retries with backoff; a
 *   refusal (invalid, denied) is not retried until the content changes.
 */

export type SavedOutcome = Extract<SaveOutcome, { status: "saved" }>;
export type RemoteVersion = Extract<SaveOutcome, { status: "conflict" }>["current"];

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string; by: PersonDTO | null }
  | { kind: "offline"; attempt: number; retryInMs: number }
  | { kind: "failed"; reason: "invalid" | "denied"; message: string }
  | { kind: "conflict"; message: string; current: RemoteVersion };

export type SaveRequest = { baseVersion: number; content: JSONContent };

export type SaverOptions = {
  baseVersion: number;
  /** What the server holds at `baseVersion`. */
  savedContent: JSONContent;
  getContent: () => JSONContent;
  save: (request: SaveRequest) => Promise<SaveOutcome>;
  onStatus?: (status: SaveStatus) => void;
  onSaved?: (outcome: SavedOutcome, content: JSONContent) => void;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
  /** A save that has not answered by then counts as a network failure. */
  timeoutMs?: number;
};

export const AUTOSAVE_DELAY_MS = 1_000;
export const RETRY_DELAYS_MS: readonly number[] = [2_000, 5_000, 10_000, 30_000, 60_000];
export const SAVE_TIMEOUT_MS = 20_000;

type Timer = ReturnType<typeof setTimeout>;
const UNREACHABLE: SaveOutcome = { status: "unavailable", message: "The server could not be reached" };

function isOutcome(value: unknown): value is SaveOutcome {
  return typeof value === "object" && value !== null && typeof (value as { status?: unknown }).status === "string";
}

export class SectionSaver {
  #options: SaverOptions;
  #getContent: () => JSONContent;
  #baseVersion: number;
  #savedKey: string;
  #failedKey: string | null = null;
  /** Content sent whose fate is unknown (no answer, or the answer was lost). */
  #unconfirmed = new Set<string>();
  #dirty = false;
  #inFlight: Promise<void> | null = null;
  #queued = false;
  #debounce: Timer | null = null;
  #retry: Timer | null = null;
  #attempt = 0;
  #status: SaveStatus = { kind: "idle" };
  #lastSaved: SaveStatus = { kind: "idle" };

  constructor(options: SaverOptions) {
    this.#options = options;
    this.#getContent = options.getContent;
    this.#baseVersion = options.baseVersion;
    this.#savedKey = stableStringify(options.savedContent);
  }

  get baseVersion(): number {
    return this.#baseVersion;
  }

  get status(): SaveStatus {
    return this.#status;
  }

  /** True when `content` is exactly what the server last acknowledged. */
  isSaved(content: JSONContent): boolean {
    return stableStringify(content) === this.#savedKey;
  }

  /** Where content is read from (the live editor, or a snapshot once it is gone). */
  setContentSource(getContent: () => JSONContent): void {
    this.#getContent = getContent;
  }

  /** Swap the transport and listeners (a React hook passes the latest props after each render). */
  connect(callbacks: Pick<SaverOptions, "save" | "onStatus" | "onSaved">): void {
    this.#options = { ...this.#options, ...callbacks };
  }

  change(): void {
    this.#dirty = true;
    const { kind } = this.#status;
    // A conflict waits for the writer; offline waits for the retry timer or `online`.
    if (kind === "conflict" || kind === "offline") return;
    if (!this.#inFlight && kind !== "pending") this.#setStatus({ kind: "pending" });
    this.#clearDebounce();
    this.#debounce = setTimeout(() => {
      this.#debounce = null;
      void this.flush();
    }, this.#options.debounceMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Save now if there is something to save (blur, page hide, a retry). */
  flush(): Promise<void> {
    this.#clearDebounce();
    if (this.#status.kind === "conflict") return Promise.resolve();
    if (this.#inFlight) {
      this.#queued = true;
      return this.#inFlight;
    }
    if (!this.#dirty) return Promise.resolve();
    return this.#start();
  }

  /** Back online: try at once instead of waiting for the backoff. */
  retryNow(): void {
    if (this.#status.kind !== "offline") return;
    this.#clearRetry();
    void this.flush();
  }

  /** "Keep mine" and "I merged them": save the editor's content over `current`. */
  saveOver(current: RemoteVersion): Promise<void> {
    if (this.#status.kind !== "conflict") return Promise.resolve();
    this.#adopt(current);
    this.#dirty = true;
    this.#setStatus({ kind: "pending" });
    return this.flush();
  }

  /** "Use theirs": the caller has put `current` into the editor. */
  acceptRemote(current: RemoteVersion): void {
    this.#clearDebounce();
    this.#clearRetry();
    this.#adopt(current);
    this.#dirty = false;
    this.#setStatus(this.#lastSaved);
  }

  #adopt(current: RemoteVersion): void {
    this.#baseVersion = current.version;
    this.#savedKey = stableStringify(current.content);
    this.#failedKey = null;
    this.#unconfirmed.clear();
    this.#lastSaved = { kind: "saved", at: current.updatedAt, by: current.updatedBy };
  }

  #start(): Promise<void> {
    this.#clearRetry();
    const content = this.#getContent();
    const key = stableStringify(content);
    this.#dirty = false;
    if (key === this.#savedKey) {
      this.#setStatus(this.#lastSaved);
      return Promise.resolve();
    }
    if (this.#status.kind === "failed" && key === this.#failedKey) return Promise.resolve();
    this.#setStatus({ kind: "saving" });
    this.#inFlight = this.#send({ baseVersion: this.#baseVersion, content }).then((outcome) => {
      this.#inFlight = null;
      this.#settle(outcome, content, key);
    });
    return this.#inFlight;
  }

  /** A late answer after the timeout is dropped; the retry then meets it as a "conflict" with our own content. */
  async #send(request: SaveRequest): Promise<SaveOutcome> {
    let timer: Timer | undefined;
    const timeout = new Promise<SaveOutcome>((resolve) => {
      timer = setTimeout(() => resolve(UNREACHABLE), this.#options.timeoutMs ?? SAVE_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([this.#options.save(request), timeout]);
      return isOutcome(outcome) ? outcome : UNREACHABLE;
    } catch {
      return UNREACHABLE;
    } finally {
      clearTimeout(timer);
    }
  }

  #settle(outcome: SaveOutcome, content: JSONContent, key: string): void {
    const queued = this.#queued;
    this.#queued = false;
    if (outcome.status === "saved") return this.#saved(outcome, content, key, queued);
    if (outcome.status === "conflict") {
      // The "newer version" may be our own earlier save whose answer was lost:
      // the server holds exactly what this editor sent, so build on it.
      const { current } = outcome;
      const theirs = stableStringify(current.content);
      if (theirs === key && current.updatedBy) {
        const saved: SavedOutcome = {
          status: "saved",
          version: current.version,
          updatedAt: current.updatedAt,
          updatedBy: current.updatedBy,
        };
        return this.#saved(saved, content, key, queued);
      }
      if (theirs === key || this.#unconfirmed.has(theirs)) {
        this.#adopt(current);
        if (theirs !== key) this.#dirty = true;
        this.#setStatus(this.#lastSaved);
        if (this.#dirty) void this.flush();
        return;
      }
      this.#dirty = true;
      this.#clearDebounce();
      return this.#setStatus({ kind: "conflict", message: outcome.message, current: outcome.current });
    }
    if (outcome.status === "invalid" || outcome.status === "denied") {
      this.#failedKey = key;
      this.#setStatus({ kind: "failed", reason: outcome.status, message: outcome.message });
      if (this.#dirty && queued) void this.flush();
      return;
    }
    this.#offline(key);
  }

  #saved(outcome: SavedOutcome, content: JSONContent, key: string, queued: boolean): void {
    this.#baseVersion = outcome.version;
    this.#savedKey = key;
    this.#failedKey = null;
    this.#unconfirmed.clear();
    this.#attempt = 0;
    this.#lastSaved = { kind: "saved", at: outcome.updatedAt, by: outcome.updatedBy };
    this.#setStatus(this.#lastSaved);
    this.#options.onSaved?.(outcome, content);
    if (!this.#dirty) return;
    if (queued || !this.#debounce) void this.flush();
    else this.#setStatus({ kind: "pending" });
  }

  #offline(key: string): void {
    this.#unconfirmed.add(key);
    this.#dirty = true;
    this.#clearDebounce();
    const delays = this.#options.retryDelaysMs ?? RETRY_DELAYS_MS;
    const delay = delays[Math.min(this.#attempt, delays.length - 1)] ?? AUTOSAVE_DELAY_MS;
    this.#attempt++;
    this.#setStatus({ kind: "offline", attempt: this.#attempt, retryInMs: delay });
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.flush();
    }, delay);
  }

  #setStatus(status: SaveStatus): void {
    this.#status = status;
    this.#options.onStatus?.(status);
  }

  #clearDebounce(): void {
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = null;
  }

  #clearRetry(): void {
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
  }
}
