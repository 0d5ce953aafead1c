/**
 * The live docs kept on this device (IndexedDB, one database per person and doc:
 * ./offline-copy.ts) are named with this prefix, so signing out can remove them all.
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

/** Remove every live doc kept on this device (privacy: on sign-out). Never throws. */
export async function clearDeviceCopies(): Promise<void> {
  try {
    if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return;
    await Promise.all([...open].map((close) => close().catch(() => undefined)));
    open.clear();
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
