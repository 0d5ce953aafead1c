/**
 * History entries as people think of them: one entry per burst of editing, and the
 * review events between them. Pure; the history query feeds it rows, oldest first.
 *
 * A burst is a run of versions with gaps under BURST_GAP_MS whose people keep working:
 * a version by someone new joins the open burst when one of the burst's people edits
 * again later in the same run (they were working together), and starts a burst of its
 * own when the burst's people had stopped (someone else took over). Every review event
 * ends the open burst, so "what changed since it was approved" is a whole entry.
 * Annotation versions (comment anchors) are not edits and make no entry.
 */
export const BURST_GAP_MS = 10 * 60 * 1000;

export type VersionKind = "CREATE" | "EDIT" | "ANNOTATION" | "IMPORT" | "RESTORE" | "COLLAB";

export type VersionRow = {
  seq: number;
  sectionKey: string;
  sectionTitle: string;
  kind: VersionKind;
  authorIds: readonly string[];
  createdAt: Date;
  restoredFromSeq?: number | null;
};

export type EventKind = "review_requested" | "approved" | "changes_requested" | "named_version";

export type EventRow = {
  kind: EventKind;
  at: Date;
  actorId: string | null;
  /** The point in history the event refers to (the doc as it was then). */
  seq: number;
  /** Named version's name; the reviewer's id for a verdict or request. */
  label?: string;
  subjectId?: string;
  /** Section keys a review request or verdict covers (empty = the whole doc). */
  sectionKeys?: readonly string[];
};

export type Burst = {
  type: "burst";
  /** The first and last version of the burst: comparing (fromSeq - 1) with toSeq shows what it changed. */
  fromSeq: number;
  toSeq: number;
  startedAt: Date;
  endedAt: Date;
  /** Everyone who changed something, in the order they first did. */
  authorIds: string[];
  sections: { key: string; title: string }[];
  versions: number;
  /** A restore, a creation or an import is named as such in the panel. */
  kinds: VersionKind[];
  restoredFromSeq: number | null;
};

export type HistoryEvent = { type: "event" } & EventRow;
export type HistoryEntry = Burst | HistoryEvent;

function startBurst(v: VersionRow): Burst {
  return {
    type: "burst",
    fromSeq: v.seq,
    toSeq: v.seq,
    startedAt: v.createdAt,
    endedAt: v.createdAt,
    authorIds: [],
    sections: [],
    versions: 0,
    kinds: [],
    restoredFromSeq: null,
  };
}

function addTo(b: Burst, v: VersionRow): void {
  b.toSeq = v.seq;
  b.endedAt = v.createdAt;
  b.versions++;
  for (const a of v.authorIds) if (!b.authorIds.includes(a)) b.authorIds.push(a);
  if (!b.sections.some((s) => s.key === v.sectionKey)) b.sections.push({ key: v.sectionKey, title: v.sectionTitle });
  if (!b.kinds.includes(v.kind)) b.kinds.push(v.kind);
  if (v.restoredFromSeq != null) b.restoredFromSeq = v.restoredFromSeq;
}

/** Last index at which each person edits in `versions` (for "do they keep working?"). */
function lastEditBy(versions: readonly VersionRow[]): Map<string, number> {
  const last = new Map<string, number>();
  versions.forEach((v, i) => v.authorIds.forEach((a) => last.set(a, i)));
  return last;
}

/** Split versions (oldest first, edits only) at gaps of BURST_GAP_MS or more. */
function runs(versions: readonly VersionRow[]): VersionRow[][] {
  const out: VersionRow[][] = [];
  for (const v of versions) {
    const run = out[out.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && v.createdAt.getTime() - prev.createdAt.getTime() < BURST_GAP_MS) run.push(v);
    else out.push([v]);
  }
  return out;
}

function joins(open: Burst, v: VersionRow, i: number, last: Map<string, number>): boolean {
  // A restore is its own entry ("restored to …" must not hide inside someone's edits); a whole-doc
  // restore writes one version per section, which stay one entry.
  const restoring = open.kinds.includes("RESTORE");
  if (v.kind === "RESTORE" || restoring) {
    return v.kind === "RESTORE" && restoring && open.restoredFromSeq === (v.restoredFromSeq ?? null);
  }
  if (v.authorIds.length === 0 || v.authorIds.some((a) => open.authorIds.includes(a))) return true;
  // Someone new joins while the burst's people keep editing after them: they are working together.
  return open.authorIds.some((a) => (last.get(a) ?? -1) > i);
}

function burstsOfRun(run: readonly VersionRow[]): Burst[] {
  const last = lastEditBy(run);
  const out: Burst[] = [];
  let open: Burst | null = null;
  for (let i = 0; i < run.length; i++) {
    const v = run[i]!;
    if (!open || !joins(open, v, i, last)) {
      open = startBurst(v);
      out.push(open);
    }
    addTo(open, v);
  }
  return out;
}

/**
 * Versions and events (each oldest first) → entries newest first. Events split the
 * versions into separate runs, so no burst spans a review event.
 */
export function groupHistory(versions: readonly VersionRow[], events: readonly EventRow[]): HistoryEntry[] {
  const edits = versions.filter((v) => v.kind !== "ANNOTATION");
  const sortedEvents = [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  const entries: HistoryEntry[] = [];
  let e = 0;
  let segment: VersionRow[] = [];
  const flush = () => {
    for (const run of runs(segment)) entries.push(...burstsOfRun(run));
    segment = [];
  };
  for (const v of edits) {
    // An event belongs before this version when it happened before it (or refers to an earlier point).
    while (e < sortedEvents.length && isBefore(sortedEvents[e]!, v)) {
      flush();
      entries.push({ type: "event", ...sortedEvents[e++]! });
    }
    segment.push(v);
  }
  flush();
  while (e < sortedEvents.length) entries.push({ type: "event", ...sortedEvents[e++]! });
  return entries.reverse();
}

function isBefore(event: EventRow, v: VersionRow): boolean {
  const t = event.at.getTime();
  const vt = v.createdAt.getTime();
  return t < vt || (t === vt && event.seq < v.seq);
}
