"use client";

import { Avatar } from "@/components/ui/avatar";
import { useLiveSession, usePresence, useSessionStatus } from "./live-doc";
import type { Presence } from "./session";

/** One avatar per person (several tabs of one person are one face), editing ones first. */
function people(states: Presence[]): (Presence & { editing: boolean })[] {
  const byId = new Map<string, Presence & { editing: boolean }>();
  for (const state of states) {
    const seen = byId.get(state.id);
    const editing = state.section !== null || (seen?.editing ?? false);
    byId.set(state.id, { ...(seen ?? state), section: seen?.section ?? state.section, editing });
  }
  return [...byId.values()].sort((a, b) => Number(b.editing) - Number(a.editing) || a.name.localeCompare(b.name));
}

/** Who else has this doc open, and who of them is editing, over the sections (with "Offline" when this page is). */
export function DocPresence({ titles }: { titles: { key: string; title: string }[] }) {
  const session = useLiveSession();
  const states = usePresence(session);
  const status = useSessionStatus(session);
  if (!session) return null;
  const others = people(states);
  const titleOf = (key: string | null) => titles.find((t) => t.key === key)?.title;
  return (
    <div
      className="flex min-h-8 flex-wrap items-center gap-2 text-sm text-slate-600"
      data-testid="doc-presence"
      data-live={status.synced ? "synced" : "connecting"}
    >
      {!status.connected && (status.synced || status.kept > 0) && (
        <span className="rounded bg-amber-50 px-2 py-0.5 text-amber-800" role="status" data-testid="offline-banner">
          {status.kept > 0
            ? `Offline — ${status.kept} ${status.kept === 1 ? "change" : "changes"} kept on this device`
            : "Offline — reconnecting"}
        </span>
      )}
      {status.access !== "edit" && status.message && (
        <span
          className={status.access === "none" ? "text-rose-700" : "text-slate-700"}
          role="status"
          data-testid="live-access-message"
        >
          {status.message}
        </span>
      )}
      {others.length > 0 && (
        <>
          <span className="sr-only">Also here:</span>
          <ul className="flex -space-x-1" aria-label="People in this doc">
            {others.map((p) => (
              <li key={p.id} data-testid="presence-avatar" data-name={p.name} data-editing={p.editing ? "" : undefined}>
                <Avatar
                  name={p.name}
                  size="sm"
                  className="ring-2 ring-white"
                  title={
                    p.editing ? `${p.name} is editing ${titleOf(p.section) ?? "a section"}` : `${p.name} is viewing`
                  }
                  aria-label={p.editing ? `${p.name}, editing` : `${p.name}, viewing`}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The people editing this section right now, beside its heading. */
export function SectionPresence({ sectionKey }: { sectionKey: string }) {
  const session = useLiveSession();
  const states = usePresence(session);
  const here = people(states.filter((s) => s.section === sectionKey));
  if (here.length === 0) return null;
  return (
    <ul className="mb-2 flex items-center gap-1" aria-label="Editing this section" data-testid="section-presence">
      {here.map((p) => (
        <li key={p.id} className="flex items-center gap-1 text-xs text-slate-600">
          <span className="size-2 rounded-full" style={{ backgroundColor: p.color }} aria-hidden="true" />
          <Avatar name={p.name} size="sm" decorative />
          <span>{p.name}</span>
        </li>
      ))}
    </ul>
  );
}
