"use client";

import { useSyncExternalStore } from "react";
import type { PersonDTO } from "@/lib/docs/dto";
import { formatStampDate } from "@/lib/docs/stamps";
import { RelativeTime } from "./relative-time";

export type DocStamp = { at: string; by: Pick<PersonDTO, "name">; revision?: number };

/**
 * The doc's "Last Updated" as the page goes on: every acknowledged section save in
 * this tab publishes its stamp (section-block.tsx), and the header and footer show
 * the newest of that and what the server rendered. One small store per page.
 */
const latest = new Map<string, DocStamp>();
const listeners = new Set<() => void>();

export function publishDocStamp(docId: string, stamp: DocStamp): void {
  const seen = latest.get(docId);
  if (seen && Date.parse(seen.at) >= Date.parse(stamp.at)) return;
  latest.set(docId, stamp);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function useDocStamp(docId: string, initial: DocStamp): DocStamp {
  const published = useSyncExternalStore(
    subscribe,
    () => latest.get(docId) ?? null,
    () => null,
  );
  return published && Date.parse(published.at) > Date.parse(initial.at) ? published : initial;
}

/**
 * The doc's revision as the page goes on: the one its data was loaded with, or a newer one a live store announced
 * (the page's data is fetched again at most every few seconds while people type; read views follow the live doc).
 * A verdict names the revision its reviewer read.
 */
export function useLatestRevision(docId: string, loaded: number): number {
  const published = useSyncExternalStore(
    subscribe,
    () => latest.get(docId)?.revision,
    () => undefined,
  );
  return Math.max(loaded, published ?? 0);
}

/** The newest version of each section a live store announced, per doc (a new object at each change). */
const sectionVersions = new Map<string, Readonly<Record<string, number>>>();
const NO_VERSIONS: Readonly<Record<string, number>> = Object.freeze({});

export function publishSectionVersion(docId: string, key: string, version: number): void {
  const seen = sectionVersions.get(docId) ?? NO_VERSIONS;
  if ((seen[key] ?? 0) >= version) return;
  sectionVersions.set(docId, { ...seen, [key]: version });
  for (const listener of listeners) listener();
}

/** The sections' versions as the page goes on: each the newer of the page's data and a live store's. */
export function useLatestSectionVersions(docId: string, loaded: Record<string, number>): Record<string, number> {
  const published = useSyncExternalStore(
    subscribe,
    () => sectionVersions.get(docId) ?? NO_VERSIONS,
    () => NO_VERSIONS,
  );
  const out = { ...loaded };
  for (const [key, version] of Object.entries(published)) if (key in out) out[key] = Math.max(out[key] ?? 0, version);
  return out;
}

/**
 * "Last Updated: 5 minutes ago by Ada" (header) or "2026-11-26 by Ada · revision 7"
 * (footer, the template's shape; the revision when `initial` has one).
 */
export function LiveLastUpdated({
  docId,
  initial,
  format,
}: {
  docId: string;
  initial: DocStamp;
  format: "relative" | "date";
}) {
  const stamp = useDocStamp(docId, initial);
  const revision = stamp.revision ?? initial.revision;
  return (
    <>
      {format === "relative" ? <RelativeTime iso={stamp.at} /> : formatStampDate(stamp.at)} by {stamp.by.name}
      {initial.revision !== undefined && <span className="text-slate-500"> · revision {revision}</span>}
    </>
  );
}
