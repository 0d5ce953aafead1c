import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryShell } from "@/components/history/history-shell";
import { RestoreButton } from "@/components/history/restore-button";
import { DocDiffView } from "@/components/history/section-diff-view";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { diffHistory, type PointInput } from "@/lib/history/diff-history";
import type { PointRefDTO } from "@/lib/history/dto";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ from?: string; to?: string; since?: string }>;
};

export const metadata: Metadata = { title: "Compare versions" };

function label(p: PointRefDTO, head: number): string {
  if (p.seq >= head) return "now";
  if (!p.at) return "the start";
  const at = `${new Date(p.at).toISOString().replace("T", " ").slice(0, 16)} UTC`;
  return p.namedVersion ? `${at} (${p.namedVersion})` : at;
}

/** `/docs/<slug>/history/compare?from=&to=` (or `since=`): what changed between two points, section by section. */
export default async function ComparePage({ params, searchParams }: Props) {
  const [{ slug }, q] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/docs/${slug}/history`);
  const from: PointInput = q.since ? { at: q.since } : { seq: q.from ?? "" };
  const diff = await diffHistory(actor, { slug }, { from, to: q.to ? { seq: q.to } : undefined }).catch((e) =>
    isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID_INPUT") ? notFound() : Promise.reject(e),
  );
  const toNow = diff.to.seq >= diff.headSeq;
  // Restoring brings back the earlier text: offered when comparing a past point with the doc as it is now.
  const canRestore = diff.canRestore && toNow && diff.from.seq > 0;
  return (
    <HistoryShell
      actor={actor}
      doc={diff}
      title={
        <>
          What changed
          <span className="block text-base font-normal text-slate-600" data-testid="compare-range">
            from {label(diff.from, diff.headSeq)} to {label(diff.to, diff.headSeq)}
          </span>
        </>
      }
    >
      <p className="mb-4 flex flex-wrap gap-x-4 text-sm">
        {diff.from.seq > 0 && (
          <Link href={`/docs/${slug}/history/${diff.from.seq}`} className="text-brand-700 hover:underline">
            View the doc at the start
          </Link>
        )}
        <Link href={`/docs/${slug}/history/${diff.to.seq}`} className="text-brand-700 hover:underline">
          View the doc at the end
        </Link>
      </p>
      {canRestore && diff.sections.some((s) => s.status !== "unchanged") && (
        <Alert variant="info" className="mb-4" title="Bring the earlier text back">
          <span className="block">Restoring makes the earlier text the current version; nothing is lost.</span>
          <span className="mt-2 block">
            <RestoreButton docId={diff.docId} slug={slug} seq={diff.from.seq} label="Restore the whole doc" />
          </span>
        </Alert>
      )}
      <DocDiffView
        sections={diff.sections}
        actions={
          canRestore
            ? (s) =>
                s.status === "changed" ? (
                  <RestoreButton
                    docId={diff.docId}
                    slug={slug}
                    seq={diff.from.seq}
                    sectionKey={s.key}
                    label="Restore"
                  />
                ) : null
            : undefined
        }
      />
    </HistoryShell>
  );
}
