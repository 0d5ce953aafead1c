"use client";

import { MessagesSquare } from "lucide-react";
import { useComments } from "./comments-store";
import { ThreadFilters, ThreadList } from "./thread-list";
import { useWide } from "./use-wide";

/** The right column's thread panel on wide screens: every thread, grouped in section order. */
export function CommentsColumn() {
  const { data, error } = useComments();
  const wide = useWide();
  if (!wide || (!data && !error)) return null;
  const open = data?.threads.filter((t) => !t.resolvedAt).length ?? 0;
  return (
    <section
      aria-labelledby="comments-heading"
      className="mt-6 grid gap-3 border-t border-slate-200 pt-6"
      data-testid="comments-column"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="comments-heading" className="inline-flex items-center gap-2 text-base font-semibold text-slate-900">
          <MessagesSquare aria-hidden="true" className="size-4 text-slate-500" /> Comments
          <span className="text-sm font-normal text-slate-600">{open} open</span>
        </h2>
        <ThreadFilters />
      </div>
      {error ? <p className="text-sm text-red-700">{error}</p> : <ThreadList grouped />}
    </section>
  );
}
