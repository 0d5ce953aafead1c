import { clearDocument, IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { DEVICE_COPY_PREFIX, registerOpenCopy } from "./device-copies";
import { gatherServerWrites } from "./device-writes";

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
 */
export class OfflineCopy {
  private persistence: IndexeddbPersistence | null = null;
  private readonly unregister: () => void;
  private readonly ready: Promise<void>;
  private pending = 0;
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
    this.unregister = registerOpenCopy(() => this.close());
    this.ready = this.open(`${DEVICE_COPY_PREFIX}${userId}:${docName}`).catch(() => {
      // No IndexedDB here (blocked, private mode): the page works live, without a copy.
    });
  }

  private async open(name: string): Promise<void> {
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
    this.write();
  }

  /** What an earlier page kept: merged when the server never confirmed some of it, else dropped (when alone). */
  private async takeIn(name: string, alone: boolean): Promise<void> {
    const scratch = new Y.Doc();
    const probe = new IndexeddbPersistence(name, scratch);
    await probe.whenSynced;
    const stored: unknown = await probe.get(PENDING_KEY);
    await probe.destroy();
    if (typeof stored === "number" && stored > 0 && !this.closed) {
      Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(scratch), KEPT);
      this.kept = Y.decodeStateVector(Y.encodeStateVector(scratch));
      this.pending += stored;
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

  noteEdit(): void {
    this.pending += 1;
    this.write();
  }

  /** The server has every change of this page: nothing is waiting on this device any more. */
  confirmAll(): void {
    if (this.pending === 0) return;
    this.pending = 0;
    this.write();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.unregister();
    this.release();
    this.stopGathering();
    return this.persistence?.destroy() ?? Promise.resolve();
  }

  private write(): void {
    this.onPending(this.pending);
    if (this.closed || !this.persistence) return;
    this.persistence.set(PENDING_KEY, this.pending).catch(() => undefined);
  }
}
