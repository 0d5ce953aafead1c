import Link from "next/link";
import type { ApprovalPointDTO, LastVisitDTO } from "@/lib/history/dto";

// Wraps on a phone (a Button look keeps one line and would overflow).
const COMPARE_LINK =
  "inline-block max-w-full rounded-md border border-slate-300 bg-white px-3 py-1 " +
  "text-sm font-medium text-slate-900 shadow-xs hover:bg-slate-50";

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * One-click comparisons: "Changes since your last visit" (what this person had seen when their previous visit
 * ended) and "Since approved by X" for each current approver. Nothing when there is neither.
 */
export function CompareLinks({
  slug,
  lastVisit,
  approvals,
}: {
  slug: string;
  lastVisit: LastVisitDTO | null;
  approvals: readonly ApprovalPointDTO[];
}) {
  if (!lastVisit && approvals.length === 0) return null;
  return (
    <section aria-label="Compare" className="flex flex-wrap gap-2" data-testid="quick-compare">
      {lastVisit && (
        <Link
          href={`/docs/${slug}/history/compare?from=${lastVisit.seq}`}
          className={COMPARE_LINK}
          data-testid="since-last-visit"
        >
          Changes since your last visit
        </Link>
      )}
      {approvals.map((a) => (
        <Link
          key={a.reviewer.id}
          href={`/docs/${slug}/history/compare?from=${a.seq}`}
          className={COMPARE_LINK}
          data-testid="since-approval"
        >
          Since approved by {a.reviewer.name} ({day(a.approvedAt)}
          {a.namedVersion ? `, ${a.namedVersion}` : ""})
        </Link>
      ))}
    </section>
  );
}
