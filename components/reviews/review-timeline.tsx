import { RelativeTime } from "@/components/docs/relative-time";
import type { TimelineEventDTO } from "@/lib/reviews/dto";

const DOT: Record<string, string> = {
  "verdict.submitted": "bg-brand-600",
  "approval.stale": "bg-red-600",
  "status.changed": "bg-green-600",
  "review.requested": "bg-amber-500",
  "doc.locked": "bg-slate-800",
  "doc.unlocked": "bg-slate-800",
};

/** The doc's audit trail, newest first. */
export function ReviewTimeline({ events }: { events: TimelineEventDTO[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet.</p>;
  return (
    <ol className="grid gap-3" data-testid="review-timeline">
      {[...events].reverse().map((e) => (
        <li key={e.id} className="relative grid grid-cols-[0.75rem_1fr] gap-2 text-sm">
          <span aria-hidden="true" className={`mt-1.5 size-2 rounded-full ${DOT[e.type] ?? "bg-slate-300"}`} />
          <div className="min-w-0">
            <p className="text-slate-800">
              {e.type !== "status.changed" && e.actor && (
                <span className="font-medium text-slate-900">{e.actor.name} </span>
              )}
              {e.text}
            </p>
            {e.detail && (
              <p className="mt-0.5 border-l-2 border-slate-200 pl-2 text-slate-600 whitespace-pre-wrap">{e.detail}</p>
            )}
            <p className="text-xs text-slate-500">
              <RelativeTime iso={e.createdAt} />
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
