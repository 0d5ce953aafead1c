import { clearDocument, IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import type { JournalContents } from "@/lib/collab/journal";
import { DEVICE_COPY_PREFIX, registerOpenCopy } from "./device-copies";
import { gatherServerWrites } from "./device-writes";
import { PageJournal } from "./page-journal";

const PENDING_KEY = "pending";
/** Origin of what an earlier page kept, put back into the doc: already counted when it was typed. */
const KEPT = { source: "device" };

/**
 * A live doc kept on this device (y-indexeddb): every change to the Y.Doc is written
 * to IndexedDB as it happens, so what someone types while the connection is down
 * survives closing the tab, and merges into the shared doc when a page of theirs
 * connects again (Yjs merges it like any late update).
 *
 * It also counts the edits made here that the server has not confirmed yet (kept
 * beside the doc, so a reopened tab still knows): "Offline — N changes kept on this
 * device". A copy whose edits the server has all confirmed is dropped when the doc is
 * opened again rather than merged: the server has it all, and an old copy is the
 * one thing that could bring back text the doc no longer holds.
 *
 * IndexedDB commits each update a moment after it is made, and a tab closed in that moment
 * loses it: a small synchronous journal (./page-journal.ts) keeps those updates until
 * IndexedDB has them, and the next page of the doc takes in a journal its closed page left.
 */
export class OfflineCopy {
  private persistence: IndexeddbPersistence | null = null;
  private readonly journal: PageJournal;
  private readonly unregister: () => void;
  private readonly ready: Promise<void>;
  /** Edits made in this page that the server has not confirmed. */
  private own = 0;
  /** Edits earlier pages made and counted: as the device copy says, and as the journals taken in say. */
  private stored = 0;
  private adopted = 0;
  private closed = false;
  private stopGathering = () => {};

  constructor(
    userId: string,
    docName: string,
    private readonly doc: Y.Doc,
    private readonly onPending: (count: number) => void,
    /** Whether an update came from the server (its writes to the device copy are gathered: ./device-writes.ts). */
    private readonly fromServer: (origin: unknown) => boolean = () => false,
  ) {
    this.unregister = registerOpenCopy(() => this.close(true));
    this.journal = new PageJournal(userId, docName, (found) => this.adopt(found));
    this.ready = this.open(`${DEVICE_COPY_PREFIX}${userId}:${docName}`).catch(() => {
      // No IndexedDB here (blocked, private mode): the page works live, without a copy.
    });
  }

  /** Edits waiting for the server, this page's and earlier ones' (both sources of the latter count the same edits). */
  private get pending(): number {
    return this.own + Math.max(this.stored, this.adopted);
  }

  private async open(name: string): Promise<void> {
    await this.journal.start();
    // Every page with this copy open holds a shared lock on it: only a page alone with it may drop it (deleting a
    // database another tab has open would wait for that tab, and take its later edits with it).
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    if (locks) await locks.request(name, { mode: "exclusive", ifAvailable: true }, (lock) => this.takeIn(name, !!lock));
    else await this.takeIn(name, false);
    if (this.closed) return;
    void locks?.request(name, { mode: "shared" }, () => this.released);
    this.persistence = new IndexeddbPersistence(name, this.doc);
    this.stopGathering = gatherServerWrites(this.persistence, this.doc, this.fromServer);
    await this.persistence.whenSynced;
    this.journal.writeTo(() => this.persistence?.db ?? null);
    this.write();
  }

  /** What an earlier page kept: merged when the server never confirmed some of it, else dropped (when alone). */
  private async takeIn(name: string, alone: boolean): Promise<void> {
    const scratch = new Y.Doc();
    const probe = new IndexeddbPersistence(name, scratch);
    await probe.whenSynced;
    const stored: unknown = await probe.get(PENDING_KEY);
    await probe.destroy();
    const counted = typeof stored === "number" && stored > 0 ? stored : 0;
    // A journal's updates may build on what the copy holds: the copy stays while any is around.
    if ((counted > 0 || this.adopted > 0 || this.journal.othersKeep()) && !this.closed) {
      Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(scratch), KEPT);
      this.keep(Y.decodeStateVector(Y.encodeStateVector(scratch)));
      this.stored = counted;
    } else if (alone) {
      await clearDocument(name);
    }
    scratch.destroy();
  }

  private release: () => void = () => {};
  private readonly released = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  /** The state vector of what an earlier page kept and this one merged (empty when nothing was kept). */
  kept: Map<number, number> = new Map();

  /** Updates that came out of the device copy (already counted when they were made). */
  isOrigin(origin: unknown): boolean {
    return origin === KEPT || (origin !== null && origin === this.persistence);
  }

  /** Resolves once what this device kept has been put into the doc (or there was nothing to keep). */
  whenLoaded(): Promise<void> {
    return this.ready;
  }

  /** An edit made in this page: journaled at once (the device copy writes it a moment later). */
  noteEdit(update: Uint8Array): void {
    if (this.closed) return;
    this.own += 1;
    this.journal.note(update, this.pending);
    this.write();
  }

  /** The server has every change of this page: nothing is waiting on this device any more. */
  confirmAll(): void {
    if (this.pending === 0) return;
    this.own = this.stored = this.adopted = 0;
    this.journal.clear();
    this.write();
  }

  /** `discard` on sign-out: the journal goes too, and nothing is written after. */
  close(discard = false): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.unregister();
    this.journal.close(discard);
    this.release();
    this.stopGathering();
    return this.persistence?.destroy() ?? Promise.resolve();
  }

  /** A journal a closed page of this doc left: its updates join the doc (and this page's journal). */
  private adopt(found: JournalContents): void {
    if (this.closed) return;
    for (const update of found.updates) {
      try {
        Y.applyUpdate(this.doc, update, KEPT);
      } catch {
        continue; // checked on a scratch doc when read; never let one break the editor
      }
      this.keep(Y.parseUpdateMeta(update).to);
    }
    this.adopted += found.pending;
    this.journal.adopt(found.updates, this.pending);
    this.write();
  }

  private keep(clocks: Map<number, number>): void {
    for (const [client, clock] of clocks) this.kept.set(client, Math.max(this.kept.get(client) ?? 0, clock));
  }

  private write(): void {
    this.onPending(this.pending);
    if (this.closed || !this.persistence) return;
    this.persistence.set(PENDING_KEY, this.pending).catch(() => undefined);
  }
}
