/**
 * What a restore to a point changes, worked out from the doc then and now (pure: the confirm dialog shows this
 * plan, and the restore computes it again under its locks). Sections are matched by id, so a section removed and
 * a new one given the same key later are two sections. Client-safe types: RestoreChange goes to the dialog.
 *
 * Whole doc ("all"): every section of then comes back with its content, and extra sections (titles and places)
 * as they were: removed ones are brought back, ones added since are removed, unless they have open comment
 * threads (kept, as removing a section by hand refuses then). Some sections (keys of then): their content and, for
 * extra sections, title; a removed one is brought back; nothing is removed.
 */

export type ThenSection = {
  sectionId: string;
  key: string;
  title: string;
  order: number;
  removed: boolean;
  content: unknown;
  hash: string;
};

export type LiveSection = {
  id: string;
  key: string;
  title: string;
  order: number;
  /** Not a template section (only these are added, removed and renamed). */
  extra: boolean;
  hash: string;
  openThreads: boolean;
};

export type RestoreScope = readonly string[] | "all";

export type RestorePlan = {
  /** Live sections whose content goes back to then. */
  content: { sectionId: string; key: string; title: string; content: unknown }[];
  unchanged: string[];
  /** Sections of then removed since: created again with their id, title and content. */
  bringBack: ThenSection[];
  remove: LiveSection[];
  /** Added since, but with open comment threads: left where they are. */
  keep: LiveSection[];
  rename: { sectionId: string; key: string; from: string; to: string }[];
  /** Every section id in the order the doc ends with. */
  order: string[];
  /** The order of the sections that stay differs from now (extra sections moved since). */
  reorders: boolean;
};

export type RestoreChange = {
  key: string;
  title: string;
  change: "content" | "added" | "removed" | "kept" | "renamed";
  /** The title now, for a renamed section. */
  from?: string;
};

export function planRestore(thenAll: readonly ThenSection[], live: readonly LiveSection[], scope: RestoreScope) {
  const then = thenAll
    .filter((s) => !s.removed && (scope === "all" || scope.includes(s.key)))
    .sort((a, b) => a.order - b.order);
  const liveById = new Map(live.map((s) => [s.id, s]));
  const thenIds = new Set(then.map((s) => s.sectionId));
  const plan: RestorePlan = {
    content: [],
    unchanged: [],
    bringBack: [],
    remove: [],
    keep: [],
    rename: [],
    order: [],
    reorders: false,
  };
  for (const s of then) {
    const now = liveById.get(s.sectionId);
    if (!now) {
      plan.bringBack.push(s);
      continue;
    }
    if (now.hash === s.hash) plan.unchanged.push(now.key);
    else plan.content.push({ sectionId: now.id, key: now.key, title: now.title, content: s.content });
    if (now.extra && now.title !== s.title)
      plan.rename.push({ sectionId: now.id, key: now.key, from: now.title, to: s.title });
  }
  if (scope === "all")
    for (const s of live.filter((l) => l.extra && !thenIds.has(l.id)))
      (s.openThreads ? plan.keep : plan.remove).push(s);

  const liveOrder = [...live].sort((a, b) => a.order - b.order).map((s) => s.id);
  const thenOrder = [...thenAll]
    .filter((s) => !s.removed)
    .sort((a, b) => a.order - b.order)
    .map((s) => s.sectionId);
  plan.order =
    scope === "all"
      ? placeAfter(
          then.map((s) => s.sectionId),
          plan.keep.map((s) => s.id),
          liveOrder,
        )
      : placeAfter(
          liveOrder,
          plan.bringBack.map((s) => s.sectionId),
          thenOrder,
        );
  const staying = new Set(plan.order.filter((id) => liveById.has(id)));
  plan.reorders =
    plan.order.filter((id) => staying.has(id)).join() !== liveOrder.filter((id) => staying.has(id)).join();
  return plan;
}

/**
 * `base` with each of `extra` inserted right after the nearest section that preceded it in `source` and is
 * already placed (at the top when none is).
 */
function placeAfter(base: readonly string[], extra: readonly string[], source: readonly string[]): string[] {
  const out = [...base];
  const toPlace = new Set(extra);
  for (const id of source.filter((s) => toPlace.has(s))) {
    const before = source.slice(0, source.indexOf(id)).reverse();
    const anchor = before.find((b) => out.includes(b));
    out.splice(anchor === undefined ? 0 : out.indexOf(anchor) + 1, 0, id);
  }
  return out;
}

/** The plan as the confirm dialog lists it: one line per section that changes, in the doc's order (removed last). */
export function restoreChanges(plan: RestorePlan): RestoreChange[] {
  const lines: [string, RestoreChange][] = [];
  const renamed = new Map(plan.rename.map((r) => [r.sectionId, r]));
  for (const s of plan.bringBack) lines.push([s.sectionId, { key: s.key, title: s.title, change: "added" }]);
  for (const s of plan.content)
    lines.push([s.sectionId, { key: s.key, title: renamed.get(s.sectionId)?.to ?? s.title, change: "content" }]);
  for (const r of plan.rename)
    if (!plan.content.some((c) => c.sectionId === r.sectionId))
      lines.push([r.sectionId, { key: r.key, title: r.to, change: "renamed", from: r.from }]);
  for (const s of plan.keep) lines.push([s.id, { key: s.key, title: s.title, change: "kept" }]);
  for (const s of plan.remove) lines.push([s.id, { key: s.key, title: s.title, change: "removed" }]);
  const place = new Map(plan.order.map((id, i) => [id, i]));
  const rank = ([id]: [string, RestoreChange]) => place.get(id) ?? Number.MAX_SAFE_INTEGER;
  return lines.sort((a, b) => rank(a) - rank(b)).map(([, c]) => c);
}
