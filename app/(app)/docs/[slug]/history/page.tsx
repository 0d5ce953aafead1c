import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HistoryList } from "@/components/history/history-list";
import { HistoryShell } from "@/components/history/history-shell";
import { NameVersionForm } from "@/components/history/name-version-form";
import { CompareLinks } from "@/components/history/compare-links";
import { buttonClassName } from "@/components/ui/button";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listHistory } from "@/lib/history/list-history";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string }> };

export const metadata: Metadata = { title: "History" };

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** A doc's history: bursts of editing and review events, one-click comparisons, named versions. */
export default async function HistoryPage({ params, searchParams }: Props) {
  const [{ slug }, { before }] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/docs/${slug}/history`);
  const page = await listHistory(actor, { slug }, { before }).catch((e) =>
    isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID_INPUT") ? notFound() : Promise.reject(e),
  );
  return (
    <HistoryShell actor={actor} doc={{ slug, title: page.title }} title="History">
      <div className="grid gap-6">
        <CompareLinks slug={slug} lastVisit={page.lastVisit} approvals={page.approvals} />
        {(page.namedVersions.length > 0 || page.canRestore) && (
          <section aria-labelledby="named-heading" className="grid gap-3 rounded-lg border border-slate-200 p-4">
            <h2 id="named-heading" className="text-base font-semibold text-slate-900">
              Named versions
            </h2>
            {page.namedVersions.length > 0 && (
              <ul className="grid gap-1 text-sm" data-testid="named-versions">
                {page.namedVersions.map((n) => (
                  <li key={n.id} className="flex flex-wrap gap-x-3">
                    <Link
                      href={`/docs/${slug}/history/${n.seq}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {n.name}
                    </Link>
                    <span className="text-slate-600">
                      {day(n.createdAt)}
                      {n.createdBy && ` by ${n.createdBy.name}`}
                    </span>
                    <Link
                      href={`/docs/${slug}/history/compare?from=${n.seq}`}
                      className="text-brand-700 hover:underline"
                    >
                      Changes since
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {page.canRestore && <NameVersionForm docId={page.docId} />}
          </section>
        )}
        <section aria-label="Changes">
          <HistoryList entries={page.entries} slug={slug} />
          {page.next !== null && (
            <p className="mt-4">
              <Link href={`/docs/${slug}/history?before=${page.next}`} className={buttonClassName("secondary", "sm")}>
                Older changes
              </Link>
            </p>
          )}
        </section>
      </div>
    </HistoryShell>
  );
}
