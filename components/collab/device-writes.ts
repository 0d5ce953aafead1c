import type { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";

/** The longest the device copy holds back what came from the server. */
const HOLD_MS = 1_000;

/**
 * y-indexeddb writes every update to the doc in an IndexedDB transaction of its own, the
 * server's too: with 50 people typing, 200 transactions a second on the main thread, and every
 * 500 updates it reads them all back and writes the doc whole (bench/collab-keystroke.mjs: 12 %
 * of a watching page's busy time, in tasks long enough to delay its own editor). What came from
 * the server is gathered here and written as one merged update at most every HOLD_MS; a change
 * made on this page writes what was gathered first, so the device copy always holds what the
 * page's own changes build on. Losing what is held (the tab closes) loses nothing: the server
 * has it. Returns the function that stops this (writing what is held).
 */
export function gatherServerWrites(
  persistence: IndexeddbPersistence,
  doc: Y.Doc,
  fromServer: (origin: unknown) => boolean,
): () => void {
  const write = persistence._storeUpdate;
  doc.off("update", write);
  let held: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (held.length === 0 || persistence._destroyed) return void (held = []);
    const update = held.length === 1 ? held[0]! : Y.mergeUpdates(held);
    held = [];
    write(update, null);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (fromServer(origin)) {
      held.push(update);
      timer ??= setTimeout(flush, HOLD_MS);
      return;
    }
    flush();
    write(update, origin);
  };
  const onHidden = () => {
    if (document.visibilityState === "hidden") flush();
  };
  doc.on("update", onUpdate);
  const page = typeof window === "undefined" ? null : window;
  page?.addEventListener("pagehide", flush);
  page?.addEventListener("offline", flush);
  page?.document.addEventListener("visibilitychange", onHidden);
  return () => {
    flush();
    doc.off("update", onUpdate);
    page?.removeEventListener("pagehide", flush);
    page?.removeEventListener("offline", flush);
    page?.document.removeEventListener("visibilitychange", onHidden);
  };
}
