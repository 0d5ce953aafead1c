/**
 * Where the device journals (./journal.ts) live in localStorage: one key per page and live doc,
 * `<prefix><user>:<doc>:<page>`. Apart from the journal's code so sign-out can find every key
 * without loading Yjs.
 */
export const JOURNAL_PREFIX = "design-review:journal:v1:";

/** The keys of every page's journal of one person's doc start with this. */
export function journalDocPrefix(userId: string, docName: string): string {
  return `${JOURNAL_PREFIX}${encodeURIComponent(userId)}:${encodeURIComponent(docName)}:`;
}

/** The keys in `storage` that start with `prefix` (none where storage is off limits). */
export function storageKeysWith(storage: Pick<Storage, "length" | "key"> | null, prefix: string): string[] {
  const keys: string[] = [];
  try {
    if (!storage) return keys;
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    // Storage off limits (a privacy setting): there is nothing of ours in it.
  }
  return keys;
}
