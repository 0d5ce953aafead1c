import type { SectionDTO } from "@/lib/docs/dto";

/**
 * The section's Tiptap JSON, fetched when someone starts editing it: the doc page
 * carries only each section's HTML, so reading a doc never downloads the JSON too.
 * A fetch started by the intent to edit (pointer down, focus) is reused by the edit
 * that follows within a few seconds; after that the next edit asks again.
 */
const REUSE_MS = 10_000;
const pending = new Map<string, { at: number; promise: Promise<SectionDTO> }>();

export class SectionFetchError extends Error {}

async function fetchSection(docId: string, key: string): Promise<SectionDTO> {
  let res: Response;
  try {
    res = await fetch(`/api/docs/${encodeURIComponent(docId)}/sections/${encodeURIComponent(key)}`, {
      cache: "no-store",
      headers: { Accept: "application/json" },
    });
  } catch {
    throw new SectionFetchError("You seem to be offline.");
  }
  const body = (await res.json().catch(() => null)) as (SectionDTO & { error?: { message?: string } }) | null;
  if (!res.ok || !body) throw new SectionFetchError(body?.error?.message ?? `The server answered ${res.status}.`);
  return body;
}

export function loadSectionSource(docId: string, key: string): Promise<SectionDTO> {
  const id = `${docId}/${key}`;
  const hit = pending.get(id);
  if (hit && Date.now() - hit.at < REUSE_MS) {
    pending.delete(id);
    return hit.promise;
  }
  return fetchSection(docId, key);
}

export function preloadSectionSource(docId: string, key: string): void {
  const id = `${docId}/${key}`;
  const hit = pending.get(id);
  if (hit && Date.now() - hit.at < REUSE_MS) return;
  const promise = fetchSection(docId, key);
  promise.catch(() => pending.delete(id));
  pending.set(id, { at: Date.now(), promise });
}

/** A save just changed the section: the next edit fetches its JSON afresh, not a copy preloaded before. */
export function forgetSectionSource(docId: string, key: string): void {
  pending.delete(`${docId}/${key}`);
}
