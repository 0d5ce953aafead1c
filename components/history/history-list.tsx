import { ArrowLeftRight, Eye } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { BurstDTO, HistoryEntryDTO, HistoryEventDTO } from "@/lib/history/dto";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    hour12: false,
  }) + " UTC";

const names = (people: readonly { name: string }[]) =>
  people.length <= 2
    ? people.map((p) => p.name).join(" and ")
    : `${people
        .slice(0, -1)
        .map((p) => p.name)
        .join(", ")} and ${people[people.length - 1]!.name}`;

function burstVerb(b: BurstDTO): string {
  if (b.kinds.includes("RESTORE")) return `restored to point ${b.restoredFromSeq ?? "?"}:`;
  if (b.kinds.includes("IMPORT")) return "imported the doc:";
  if (b.kinds.includes("CREATE")) return "created the doc:";
  return "edited";
}

/** "Design Overview, Architecture and 12 more sections": a burst over many sections stays one line or two. */
function sectionList(sections: readonly { title: string }[]): string {
  const titles = sections.map((s) => s.title);
  if (titles.length <= 4) return titles.join(", ");
  return `${titles.slice(0, 3).join(", ")} and ${titles.length - 3} more sections`;
}

function Burst({ b, slug }: { b: BurstDTO; slug: string }) {
  return (
    <li className="grid gap-1 rounded-lg border border-slate-200 p-3" data-testid="history-burst">
      <p className="text-sm text-slate-900">
        <span className="font-medium" data-testid="burst-authors">
          {b.authors.length ? names(b.authors) : "Someone"}
        </span>{" "}
        {burstVerb(b)}{" "}
        <span className="text-slate-700" title={b.sections.map((s) => s.title).join(", ")}>
          {sectionList(b.sections)}
        </span>
      </p>
      <p className="text-xs text-slate-600">
        {when(b.startedAt)}
        {b.endedAt !== b.startedAt && ` – ${when(b.endedAt)}`} · {b.versions} change{b.versions === 1 ? "" : "s"}
      </p>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link
          className="inline-flex items-center gap-1 text-brand-700 hover:underline"
          href={`/docs/${slug}/history/compare?from=${b.beforeSeq}&to=${b.toSeq}`}
        >
          <ArrowLeftRight aria-hidden="true" className="size-4" /> What changed
        </Link>
        <Link
          className="inline-flex items-center gap-1 text-brand-700 hover:underline"
          href={`/docs/${slug}/history/${b.toSeq}`}
        >
          <Eye aria-hidden="true" className="size-4" /> View the doc after this
        </Link>
      </p>
    </li>
  );
}

function eventText(e: HistoryEventDTO): string {
  const who = e.actor?.name ?? "Someone";
  switch (e.kind) {
    case "approved":
      return `${who} approved${e.label ? ` ${e.label}` : ""}`;
    case "changes_requested":
      return `${who} requested changes`;
    case "review_requested":
      return `${who} asked ${e.subject?.name ?? "someone"} to review${e.label ? ` ${e.label}` : ""}`;
    case "named_version":
      return `${who} named this version “${e.label}”`;
  }
}

function Event({ e, slug }: { e: HistoryEventDTO; slug: string }) {
  const variant = e.kind === "approved" ? "success" : e.kind === "changes_requested" ? "warning" : "info";
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1 text-sm" data-testid="history-event">
      <Badge variant={variant}>{e.kind === "named_version" ? e.label : e.kind.replace("_", " ")}</Badge>
      <span className="text-slate-800">{eventText(e)}</span>
      <span className="text-xs text-slate-600">{when(e.at)}</span>
      {e.seq > 0 && (
        <Link className="text-brand-700 hover:underline" href={`/docs/${slug}/history/${e.seq}`}>
          View the doc then
        </Link>
      )}
    </li>
  );
}

/** The history entries, newest first: bursts of editing as cards, review events as lines between them. */
export function HistoryList({ entries, slug }: { entries: readonly HistoryEntryDTO[]; slug: string }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">No history yet.</p>;
  return (
    <ol className="grid gap-2" data-testid="history-list">
      {entries.map((e) =>
        e.type === "burst" ? (
          <Burst key={`b${e.fromSeq}`} b={e} slug={slug} />
        ) : (
          <Event key={`e${e.kind}${e.at}${e.subject?.id ?? ""}`} e={e} slug={slug} />
        ),
      )}
    </ol>
  );
}
