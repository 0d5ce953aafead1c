import { Download, FileJson } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { StatusBadge } from "@/components/docs/status-badge";
import { BlockingNotice } from "@/components/comments/lazy-comments";
import type { SignOffStateDTO } from "@/lib/reviews/dto";
import {
  LazyCancelRequestButton as CancelRequestButton,
  LazyLockButton as LockButton,
  LazyRerequestButton as RerequestButton,
  LazyVerdictForm as VerdictForm,
} from "./lazy-review-controls";
import { LazyRequestReviewDialog as RequestReviewDialog } from "./lazy-request-review-dialog";
import { ReviewerStateBadge } from "./reviewer-state-badge";
import { ActivityLog } from "./activity-log";

type SectionLite = { key: string; title: string; version: number; required: boolean; isEmpty: boolean };

type Props = {
  state: SignOffStateDTO;
  sections: SectionLite[];
  /** The panel renders twice (phone section, wide-screen column); keeps ids unique. */
  idSuffix?: string;
  /** Inside the phone section, whose summary already shows the status and count. */
  inline?: boolean;
};

function Heading({ children }: { children: React.ReactNode }) {
  return <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{children}</h3>;
}

const date = (iso: string) =>
  new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** Review state, reviewers, the verdict form and the audit trail of one doc. */
export function ReviewPanel({ state, sections, idSuffix = "", inline = false }: Props) {
  const titleOf = new Map(sections.map((s) => [s.key, s.title]));
  const ruleText =
    state.rule === "AT_LEAST"
      ? `At least ${state.approvalsNeeded} of ${state.reviewers.length} must approve`
      : state.reviewers.length
        ? `Every reviewer must approve`
        : "No reviewers asked yet";
  // Authors answer reviews by editing (and in comment threads), not with verdicts; a reviewer who edited what they
  // would approve may still comment or request changes.
  const showForm = state.me.canApprove || !!state.me.cannotApprove;
  return (
    <section
      aria-labelledby={`review-heading${idSuffix}`}
      className="grid gap-5 rounded-lg border border-slate-200 p-4 xl:border-0 xl:p-0"
      data-testid="review-panel"
    >
      <div className="grid gap-2">
        <div className={inline ? "sr-only" : "flex flex-wrap items-center justify-between gap-2"}>
          <h2 id={`review-heading${idSuffix}`} className="text-base font-semibold text-slate-900">
            Review
          </h2>
          <StatusBadge status={state.status} />
        </div>
        <p className="text-sm text-slate-600" data-testid="approval-count">
          {state.reviewers.length > 0 && (
            <span className="font-medium text-slate-800">
              {state.approvalsCurrent} of {state.approvalsNeeded} approval{state.approvalsNeeded === 1 ? "" : "s"}.{" "}
            </span>
          )}
          {ruleText}.
        </p>
        <BlockingNotice sectionTitles={Object.fromEntries(titleOf)} />
        {(state.me.canRequest || (state.me.canLock && (state.status === "APPROVED" || state.lockedAt))) && (
          <div className="flex flex-wrap gap-2">
            {state.me.canRerequest && <RerequestButton docId={state.docId} />}
            {state.me.canRequest && (
              <RequestReviewDialog
                docId={state.docId}
                sections={sections}
                alreadyRequested={state.reviewers.map((r) => r.reviewer.id)}
                rule={state.rule}
                requiredApprovals={state.requiredApprovals}
              />
            )}
            {state.me.canLock && (state.status === "APPROVED" || state.lockedAt) && (
              <LockButton docId={state.docId} locked={!!state.lockedAt} />
            )}
          </div>
        )}
      </div>

      <div className="grid gap-2">
        <Heading>Reviewers</Heading>
        {state.reviewers.length === 0 ? (
          <p className="text-sm text-slate-600">
            {state.me.canRequest
              ? "Ask teammates to review when the doc is ready."
              : "Nobody has been asked to review yet."}
          </p>
        ) : (
          <ul className="grid gap-3" data-testid="reviewer-list">
            {state.reviewers.map((r) => (
              <li
                key={r.requestId}
                className="grid grid-cols-[auto_1fr_auto] items-start gap-2"
                data-testid="reviewer-row"
              >
                <Avatar name={r.reviewer.name} size="sm" decorative />
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <span className="truncate text-sm font-medium text-slate-900">{r.reviewer.name}</span>
                    <ReviewerStateBadge state={r.state} />
                  </div>
                  <p className="text-xs text-slate-600">
                    {r.sectionKeys.length ? r.sectionKeys.map((k) => titleOf.get(k) ?? k).join(", ") : "Whole doc"}
                    {r.dueAt && ` · due ${date(r.dueAt)}`}
                    {r.decisive && r.state !== "pending" && ` · revision ${r.decisive.revision}`}
                  </p>
                  {r.rerequestedAt && r.decisive && r.rerequestedAt > r.decisive.createdAt && (
                    <p className="text-xs font-medium text-brand-700" data-testid="rerequested">
                      Re-requested {date(r.rerequestedAt)}
                    </p>
                  )}
                  {r.decisive?.body && (
                    <p className="mt-1 border-l-2 border-slate-200 pl-2 text-sm text-slate-700 whitespace-pre-wrap">
                      {r.decisive.body}
                    </p>
                  )}
                </div>
                {state.me.canRequest && (
                  <CancelRequestButton docId={state.docId} requestId={r.requestId} name={r.reviewer.name} />
                )}
              </li>
            ))}
          </ul>
        )}
        {state.otherVerdicts.length > 0 && (
          <p className="text-xs text-slate-600">
            Also reviewed (not counted): {[...new Set(state.otherVerdicts.map((v) => v.reviewer.name))].join(", ")}
          </p>
        )}
      </div>

      {state.me.request?.message && (
        <div className="grid gap-1 rounded-md bg-slate-50 p-3 text-sm">
          <p className="font-medium text-slate-900">{state.me.request.requestedBy.name} asked you to review</p>
          <p className="whitespace-pre-wrap text-slate-700">{state.me.request.message}</p>
        </div>
      )}

      {showForm && (
        <VerdictForm
          docId={state.docId}
          revision={state.revision}
          sectionVersions={Object.fromEntries(sections.map((s) => [s.key, s.version]))}
          canApprove={state.me.canApprove}
          cannotApprove={state.me.cannotApprove}
          staleDiff={state.me.staleDiff}
          changesSince={state.me.changesSince}
          requested={!!state.me.request}
        />
      )}

      <div className="grid gap-2">
        <Heading>Sign-off record</Heading>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <a
            href={`/api/docs/${state.docId}/signoff.md`}
            download
            className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline"
          >
            <Download aria-hidden="true" className="size-4" /> Markdown
          </a>
          <a
            href={`/api/docs/${state.docId}/signoff.json`}
            download
            className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline"
          >
            <FileJson aria-hidden="true" className="size-4" /> JSON
          </a>
        </div>
      </div>

      <ActivityLog docId={state.docId} />
    </section>
  );
}
