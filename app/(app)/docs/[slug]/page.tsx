import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { LazyHistoryPanel } from "@/components/history/lazy-history-panel";
import { VisitRecorder } from "@/components/history/visit-recorder";
import { DocActions } from "@/components/docs/doc-actions";
import { DocFooter } from "@/components/docs/doc-footer";
import { DocOutline } from "@/components/docs/doc-outline";
import { DocSections } from "@/components/docs/doc-sections";
import { DocTitle } from "@/components/docs/doc-title";
import { ImportNotice } from "@/components/docs/import-notice";
import { LiveLastUpdated } from "@/components/docs/live-stamp";
import { StatusBadge } from "@/components/docs/status-badge";
import { LazyShareDialog as ShareDialog } from "@/components/docs/lazy-share-dialog";
import { ReviewPanelSlot } from "@/components/reviews/review-panel-slot";
import { SignOffBanner } from "@/components/reviews/signoff-banner";
import { requirePageActor } from "@/lib/auth/session";
import { canEditContent } from "@/lib/docs/content/can-edit";
import { getImportSummary } from "@/lib/docs/import/summary";
import { loadDocPage } from "@/lib/docs/page-data";
import { isAppError } from "@/lib/errors";
import { imagesForPage } from "@/lib/media/page-images";
import "../../../editor.css";
import "../../../media.css";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ imported?: string; archived?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug.replace(/-[a-z2-9]{5}$/, "").replace(/-/g, " ") };
}

export default async function DocPage({ params, searchParams }: Props) {
  const [{ slug }, flags] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/docs/${slug}`);
  // Four statements in all: the session's user, the access check, the doc with its review records, the header.
  // All the page shows comes from loadDocPage (lib/docs/page-data.ts): the page cache keys on the same definition.
  const { doc, signOff, header } = await loadDocPage(actor, slug).catch((e) =>
    isAppError(e) && e.code === "NOT_FOUND" ? notFound() : Promise.reject(e),
  );
  const { workspaces, unreadCount } = header;
  // Someone invited to this doc alone is no workspace member: the header shows their own workspace.
  const member = workspaces.find((w) => w.id === doc.workspace.id);
  const current = member ?? workspaces[0] ?? { ...doc.workspace, role: "VIEWER" as const };
  const imported = flags.imported ? await getImportSummary(actor, doc.id) : null;
  // Only what the panel reads: the sections' HTML would be serialized into the page again.
  const sections = doc.sections.map(({ key, title, version, required, isEmpty }) => ({
    key,
    title,
    version,
    required,
    isEmpty,
  }));
  const review = { state: signOff, sections };
  const writable = canEditContent({
    role: doc.access.role,
    archived: !!doc.archivedAt,
    locked: !!signOff.lockedAt,
  }).ok;

  return (
    <div className="flex min-h-dvh flex-col bg-white">
      <div data-print-hide className="contents">
        <AppHeader
          user={{ name: actor.name, email: actor.email }}
          workspaces={workspaces}
          current={current}
          unreadCount={unreadCount}
        />
      </div>
      <div
        className={cn(
          "mx-auto grid w-full max-w-6xl flex-1 gap-8 px-4 py-6 sm:px-6 lg:grid-cols-[14rem_minmax(0,1fr)] lg:py-10",
          "xl:max-w-[88rem] xl:grid-cols-[13rem_minmax(0,1fr)_21rem]",
          // Printed, the doc is one column across the page: the outline and review panel are hidden.
          "print:block print:max-w-none print:p-0",
        )}
      >
        <aside className="lg:order-none" data-print-hide>
          <details className="rounded-lg border border-slate-200 p-3 lg:hidden">
            <summary className="cursor-pointer text-sm font-medium text-slate-900">Contents</summary>
            <DocOutline sections={doc.sections} className="mt-3" />
          </details>
          <DocOutline
            sections={doc.sections}
            className="sticky top-20 hidden max-h-[calc(100dvh-6rem)] overflow-y-auto lg:block"
          />
        </aside>
        <main className="min-w-0" data-doc-id={doc.id}>
          <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600" data-print-hide>
            {member ? (
              <>
                {/* A plain link, as the header's (components/layout/nav-link.tsx says why). */}
                <a href={`/w/${doc.workspace.slug}`} className="hover:text-slate-900 hover:underline">
                  {doc.workspace.name}
                </a>{" "}
                / Design docs
              </>
            ) : (
              "Shared with you"
            )}
          </nav>
          {imported && <ImportNotice summary={imported} />}
          {doc.archivedAt && (
            <Alert variant="warning" className="mb-4" title="Archived">
              This doc is archived: it is read-only and hidden from the doc list.{" "}
              {doc.access.canManage ? "Restore it from the More menu to edit it again." : ""}
            </Alert>
          )}
          <SignOffBanner state={signOff} />
          <header className="grid gap-3 border-b border-slate-200 pb-5">
            <DocTitle docId={doc.id} title={doc.title} editable={writable} />
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-600">
              <StatusBadge status={doc.status} />
              {doc.archivedAt && <Badge variant="warning">Archived</Badge>}
              {!doc.access.canEdit && <Badge>Read-only</Badge>}
              <span data-testid="last-updated">
                Last Updated:{" "}
                <LiveLastUpdated docId={doc.id} initial={{ at: doc.updatedAt, by: doc.updatedBy }} format="relative" />
              </span>
              {/* On a phone the row wraps: a dot would start or end a line there. */}
              <span className="hidden text-slate-400 sm:inline" aria-hidden="true">
                ·
              </span>
              <span>Author: {doc.author.name}</span>
              <div className="ml-auto flex items-center gap-2" data-print-hide>
                <LazyHistoryPanel docId={doc.id} slug={doc.slug} />
                <VisitRecorder docId={doc.id} />
                <ShareDialog docId={doc.id} docTitle={doc.title} />
                <DocActions
                  docId={doc.id}
                  slug={doc.slug}
                  title={doc.title}
                  archived={!!doc.archivedAt}
                  canManage={doc.access.canManage}
                  workspaceRole={member?.role ?? "VIEWER"}
                />
              </div>
            </div>
          </header>
          <div data-print-hide>
            <ReviewPanelSlot placement="inline" {...review} />
          </div>
          <DocSections
            doc={{ id: doc.id, sections: imagesForPage(doc.sections) }}
            editable={writable}
            userId={actor.id}
          />
          <DocFooter doc={doc} stamps={signOff.stamps} />
        </main>
        <div data-print-hide className="contents">
          <ReviewPanelSlot placement="column" {...review} />
        </div>
      </div>
    </div>
  );
}
