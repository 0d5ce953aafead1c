"use client";

import { THREAD_FILTERS, type ThreadFilter } from "@/lib/comments/limits";
import { cn } from "@/components/ui/cn";
import { createLazyComponent } from "@/components/ui/lazy-component";
import { comments, useComments, visibleThreads } from "./comments-store";

// A thread's card (its comments, reply, resolve), fetched when the doc has a thread to show.
const ThreadCard = createLazyComponent(() => import("./thread-card").then((m) => m.ThreadCard));

const LABEL: Record<ThreadFilter, string> = { open: "Open", resolved: "Resolved", mine: "Mine", all: "All" };

export function ThreadFilters({ className }: { className?: string }) {
  const { filter, data } = useComments();
  const filters = data?.me.guest ? THREAD_FILTERS.filter((f) => f !== "mine") : THREAD_FILTERS;
  return (
    <div
      role="group"
      aria-label="Show threads"
      className={cn("inline-flex rounded-md border border-slate-200 bg-slate-50 p-0.5 text-xs", className)}
    >
      {filters.map((f) => (
        <button
          key={f}
          type="button"
          aria-pressed={filter === f}
          className={cn(
            "rounded px-2 py-1 font-medium",
            filter === f ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900",
          )}
          onClick={() => comments.setFilter(f)}
        >
          {LABEL[f]}
        </button>
      ))}
    </div>
  );
}

/** Threads of one section (or of all, grouped by section), with the current filter. */
export function ThreadList({ sectionKey, grouped = false }: { sectionKey?: string; grouped?: boolean }) {
  const { data, filter, sections } = useComments();
  if (!data) return null;
  const shown = visibleThreads(data.threads, filter).filter((t) => !sectionKey || t.sectionKey === sectionKey);
  if (!grouped) {
    return (
      <div className="grid gap-3">
        {shown.map((t) => (
          <ThreadCard key={t.id} thread={t} />
        ))}
      </div>
    );
  }
  if (shown.length === 0)
    return (
      <p className="text-sm text-slate-600">
        {filter === "open" ? "No open threads. Select text in a section to comment on it." : "No threads here."}
      </p>
    );
  return (
    <div className="grid gap-3">
      {sections
        .filter((s) => shown.some((t) => t.sectionKey === s.key))
        .flatMap((s) =>
          shown
            .filter((t) => t.sectionKey === s.key)
            .map((t) => <ThreadCard key={t.id} thread={t} sectionTitle={s.title} />),
        )}
    </div>
  );
}
