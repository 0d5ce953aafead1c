"use client";

import { useState, type ComponentType } from "react";
import { loadTimelineAction } from "@/app/(app)/docs/[slug]/review-actions";
import type { TimelineEventDTO } from "@/lib/reviews/dto";

type Timeline = ComponentType<{ events: TimelineEventDTO[] }>;
type Loaded =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "done"; events: TimelineEventDTO[]; Timeline: Timeline }
  | { kind: "failed"; message: string };

// Its code comes with the events, the first time the log is opened.
const loadTimeline = () => import("./review-timeline").then((m) => m.ReviewTimeline);

/**
 * The doc's audit trail, fetched the first time someone opens it: most page views
 * never look at it, and a long history would otherwise be rendered into every page (twice).
 */
export function ActivityLog({ docId }: { docId: string }) {
  const [state, setState] = useState<Loaded>({ kind: "idle" });
  const load = () => {
    setState({ kind: "loading" });
    Promise.all([loadTimelineAction(docId), loadTimeline()]).then(
      ([result, Timeline]) =>
        setState(
          result.ok ? { kind: "done", events: result.data, Timeline } : { kind: "failed", message: result.message },
        ),
      () =>
        setState({ kind: "failed", message: "The activity could not be loaded. Check your connection and try again." }),
    );
  };
  return (
    <details
      className="group grid gap-2"
      onToggle={(event) => {
        if (event.currentTarget.open && (state.kind === "idle" || state.kind === "failed")) load();
      }}
    >
      <summary className="cursor-pointer text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Activity{state.kind === "done" && ` (${state.events.length})`}
      </summary>
      <div className="mt-3 max-h-[28rem] overflow-y-auto pr-1" aria-live="polite">
        {state.kind === "loading" && <p className="text-sm text-slate-600">Loading…</p>}
        {state.kind === "failed" && (
          <p className="text-sm text-red-700">
            {state.message}{" "}
            <button type="button" className="font-medium underline" onClick={load}>
              Try again
            </button>
          </p>
        )}
        {state.kind === "done" && <state.Timeline events={state.events} />}
      </div>
    </details>
  );
}
