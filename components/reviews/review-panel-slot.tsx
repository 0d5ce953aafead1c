import { StatusBadge } from "@/components/docs/status-badge";
import { CommentsColumn } from "@/components/comments/lazy-comments";
import { ReviewPanel } from "./review-panel";

type PanelProps = Parameters<typeof ReviewPanel>[0];

/**
 * Where the review panel lives on the doc page: `column` is the right column on wide
 * screens; `inline` is a fold-out section under the doc header below xl, open when
 * the viewer has something to do (asked to review and not yet approved, or a stale approval).
 */
export function ReviewPanelSlot({ placement, ...props }: PanelProps & { placement: "column" | "inline" }) {
  if (placement === "column") {
    return (
      <aside className="hidden xl:block" aria-label="Review">
        <div className="sticky top-20 max-h-[calc(100dvh-6rem)] overflow-y-auto pr-1">
          {/* Review first: it is there from the first paint, while threads arrive after hydration (nothing shifts). */}
          <ReviewPanel {...props} idSuffix="-column" />
          <CommentsColumn />
        </div>
      </aside>
    );
  }
  const mine = props.state.me.request?.state;
  const todo = mine === "pending" || mine === "stale" || !!props.state.me.staleDiff || !!props.state.me.changesSince;
  const { approvalsCurrent, approvalsNeeded, reviewers } = props.state;
  return (
    <details
      className="group mt-5 rounded-lg border border-slate-200 xl:hidden"
      open={todo}
      data-testid="review-section"
    >
      <summary className="flex cursor-pointer flex-wrap items-center gap-2 p-3 text-sm font-medium text-slate-900">
        Review
        <StatusBadge status={props.state.status} />
        {reviewers.length > 0 && (
          <span className="font-normal text-slate-600">
            {approvalsCurrent} of {approvalsNeeded} approvals
          </span>
        )}
        {todo && <span className="ml-auto text-xs font-medium text-amber-800">Your review is needed</span>}
      </summary>
      <div className="border-t border-slate-200 p-3 [&>section]:border-0 [&>section]:p-0">
        <ReviewPanel {...props} idSuffix="-inline" inline />
      </div>
    </details>
  );
}
