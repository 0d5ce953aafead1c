import { JOURNAL_PREFIX, storageKeysWith } from "@/lib/collab/journal-key";

/**
 * The live docs kept on this device (IndexedDB, one database per person and doc:
 * ./offline-copy.ts) are named with this prefix, so signing out can remove them all,
 * with their journals in localStorage (./page-journal.ts).
 * Small on purpose: the header's sign-out imports it, and y-indexeddb stays out of
 * every page that does not edit.
 */
export const DEVICE_COPY_PREFIX = "design-review-live:";

/** Closers of the copies open in this page: a database still open would block its deletion. */
const open = new Set<() => Promise<void>>();

export function registerOpenCopy(close: () => Promise<void>): () => void {
  open.add(close);
  return () => void open.delete(close);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // Another tab still has it open: the deletion goes ahead once that tab closes it.
    request.onblocked = () => resolve();
  });
}

/** Remove the journals of every person's docs (localStorage is shared by whoever uses this browser). */
function clearJournals(): void {
  try {
    const storage = window.localStorage;
    for (const key of storageKeysWith(storage, JOURNAL_PREFIX)) storage.removeItem(key);
  } catch {
    // Storage off limits: nothing of ours is in it.
  }
}

/** Remove every live doc kept on this device (privacy: on sign-out). Never throws. */
export async function clearDeviceCopies(): Promise<void> {
  // The open copies first: closed, they write nothing more (their journals included).
  await Promise.all([...open].map((close) => close().catch(() => undefined)));
  open.clear();
  clearJournals();
  try {
    if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return;
    const databases = await indexedDB.databases();
    await Promise.all(
      databases
        .map((d) => d.name)
        .filter((name): name is string => !!name && name.startsWith(DEVICE_COPY_PREFIX))
        .map(deleteDatabase),
    );
  } catch {
    // Storage unavailable (private mode, blocked): there is nothing of ours to remove.
  }
}
