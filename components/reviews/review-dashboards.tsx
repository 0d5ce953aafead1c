import Link from "next/link";
import { RelativeTime } from "@/components/docs/relative-time";
import { StatusBadge } from "@/components/docs/status-badge";
import { cn } from "@/components/ui/cn";
import type { MyDocInReviewDTO, WaitingReviewDTO } from "@/lib/reviews/dashboards";
import { ReviewerStateBadge } from "./reviewer-state-badge";

const due = (iso: string) =>
  new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

function Panel({
  title,
  count,
  empty,
  children,
  testId,
}: {
  title: string;
  count: number;
  empty: string;
  children: React.ReactNode;
  testId: string;
}) {
  return (
    <section aria-labelledby={`${testId}-heading`} className="rounded-lg border border-slate-200" data-testid={testId}>
      <h2
        id={`${testId}-heading`}
        className="flex items-center gap-2 border-b border-slate-200 px-4 py-2.5 text-sm font-semibold text-slate-900"
      >
        {title}
        <span className="rounded-full bg-slate-100 px-2 text-xs font-medium text-slate-700">{count}</span>
      </h2>
      {count === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">{children}</ul>
      )}
    </section>
  );
}

function OverdueBadge() {
  return (
    <span className="rounded-full bg-red-50 px-2 text-xs font-medium text-red-800 ring-1 ring-red-200 ring-inset">
      Overdue
    </span>
  );
}

/**
 * "Waiting for my review" and "My docs in review": the two questions a reviewer and an author open the app with.
 * Both span every workspace the person belongs to; a doc from another workspace than `workspaceId` names its own.
 */
export function ReviewDashboards({
  waiting,
  mine,
  workspaceId,
}: {
  waiting: WaitingReviewDTO[];
  mine: MyDocInReviewDTO[];
  workspaceId: string;
}) {
  const where = (d: { workspaceId: string; workspaceName: string }) =>
    d.workspaceId === workspaceId ? "" : ` · in ${d.workspaceName}`;
  return (
    <div className="grid items-start gap-4 md:grid-cols-2">
      <Panel
        title="Waiting for my review"
        count={waiting.length}
        empty="Nothing to review. Requests from teammates show up here."
        testId="waiting-for-review"
      >
        {waiting.map((w) => (
          <li key={w.docId} className="relative px-4 py-2.5 hover:bg-slate-50">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Link
                href={`/docs/${w.slug}`}
                className={cn(
                  "min-w-0 truncate text-sm font-medium text-slate-900",
                  "after:absolute after:inset-0 hover:underline",
                )}
              >
                {w.title}
              </Link>
              {w.state === "stale" && <ReviewerStateBadge state="stale" />}
              {w.rerequested && (
                <span
                  className={
                    "rounded-full bg-brand-50 px-2 text-xs font-medium text-brand-800 ring-1 ring-brand-100 ring-inset"
                  }
                >
                  Re-requested
                </span>
              )}
              {w.overdue && <OverdueBadge />}
            </div>
            <p className="text-xs text-slate-600">
              {w.author} · asked by {w.requestedBy}
              {w.sections > 0 && ` · ${w.sections} section${w.sections === 1 ? "" : "s"}`}
              {w.dueAt && (
                <span className={w.overdue ? "font-medium text-red-700" : undefined}> · due {due(w.dueAt)}</span>
              )}
              {where(w)}
            </p>
          </li>
        ))}
      </Panel>
      <Panel
        title="My docs in review"
        count={mine.length}
        empty="None of your docs is waiting on reviewers."
        testId="my-docs-in-review"
      >
        {mine.map((d) => (
          <li key={d.docId} className="relative px-4 py-2.5 hover:bg-slate-50">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Link
                href={`/docs/${d.slug}`}
                className={cn(
                  "min-w-0 truncate text-sm font-medium text-slate-900",
                  "after:absolute after:inset-0 hover:underline",
                )}
              >
                {d.title}
              </Link>
              <StatusBadge status={d.status} />
              {d.overdue && <OverdueBadge />}
            </div>
            <p className="text-xs text-slate-600">
              {d.approved} of {d.needed} approvals
              {d.changesRequestedBy.length > 0 && ` · changes requested by ${d.changesRequestedBy.join(", ")}`} ·
              updated <RelativeTime iso={d.updatedAt} />
              {where(d)}
            </p>
          </li>
        ))}
      </Panel>
    </div>
  );
}
