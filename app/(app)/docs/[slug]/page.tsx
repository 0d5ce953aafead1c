import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DocActions } from "@/components/docs/doc-actions";
import { DocFooter } from "@/components/docs/doc-footer";
import { DocOutline } from "@/components/docs/doc-outline";
import { DocSections } from "@/components/docs/doc-sections";
import { DocTitle } from "@/components/docs/doc-title";
import { LiveLastUpdated } from "@/components/docs/live-stamp";
import { StatusBadge } from "@/components/docs/status-badge";
import { LazyShareDialog as ShareDialog } from "@/components/docs/lazy-share-dialog";
import { ReviewPanelSlot } from "@/components/reviews/review-panel-slot";
import { SignOffBanner } from "@/components/reviews/signoff-banner";
import { requirePageActor } from "@/lib/auth/session";
import { getDocPage } from "@/lib/docs/doc-page";
import { isAppError } from "@/lib/errors";
import { getHeaderData } from "@/lib/workspaces/queries";
import "../../../editor.css";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ imported?: string; unmatched?: string; archived?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug.replace(/-[a-z2-9]{5}$/, "").replace(/-/g, " ") };
}

export default async function DocPage({ params, searchParams }: Props) {
  const [{ slug }, flags] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/docs/${slug}`);
  // Four statements in all: the session's user, the access check, the doc with its review records, the header.
  const [page, header] = await Promise.all([
    getDocPage(actor, slug).catch((e) => (isAppError(e) && e.code === "NOT_FOUND" ? notFound() : Promise.reject(e))),
    getHeaderData(actor),
  ]);
  const { doc, signOff } = page;
  const { workspaces, unreadCount } = header;
  // Someone invited to this doc alone is no workspace member: the header shows their own workspace.
  const member = workspaces.find((w) => w.id === doc.workspace.id);
  const current = member ?? workspaces[0] ?? { ...doc.workspace, role: "VIEWER" as const };
  const unmatched = flags.unmatched?.split("\n").filter(Boolean) ?? [];
  // Only what the panel reads: the sections' HTML would be serialized into the page again.
  const sections = doc.sections.map(({ key, title, version, required, isEmpty }) => ({ key, title, version, required, isEmpty }));
  const review = { state: signOff, sections };
  const writable = doc.access.canEdit && !doc.archivedAt && !signOff.lockedAt;

  return (
    <div className="flex min-h-dvh flex-col bg-white">
      <AppHeader user={{ name: actor.name, email: actor.email }} workspaces={workspaces} current={current} unreadCount={unreadCount} />
      <div className="mx-auto grid w-full max-w-6xl flex-1 gap-8 px-4 py-6 sm:px-6 lg:grid-cols-[14rem_minmax(0,1fr)] lg:py-10 xl:max-w-[88rem] xl:grid-cols-[13rem_minmax(0,1fr)_21rem]">
        <aside className="lg:order-none">
          <details className="rounded-lg border border-slate-200 p-3 lg:hidden">
            <summary className="cursor-pointer text-sm font-medium text-slate-900">Contents</summary>
            <DocOutline sections={doc.sections} className="mt-3" />
          </details>
          <DocOutline sections={doc.sections} className="sticky top-20 hidden max-h-[calc(100dvh-6rem)] overflow-y-auto lg:block" />
        </aside>
        <main className="min-w-0" data-doc-id={doc.id}>
          <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
            {member ? (
              <>
                <Link href={`/w/${doc.workspace.slug}`} className="hover:text-slate-900 hover:underline">
                  {doc.workspace.name}
                </Link>{" "}
                / Design docs
              </>
            ) : (
              "Shared with you"
            )}
          </nav>
          {flags.imported && (
            <Alert variant={unmatched.length ? "warning" : "success"} className="mb-4" title="Imported from Markdown">
              {unmatched.length
                ? `These headings matched no template section and were put in "Imported notes": ${unmatched.join(", ")}.`
                : "Every heading matched a template section."}
            </Alert>
          )}
          {doc.archivedAt && (
            <Alert variant="warning" className="mb-4" title="Archived">
              This doc is archived: it is read-only and hidden from the doc list. {doc.access.canManage ? "Restore it from the More menu to edit it again." : ""}
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
                Last Updated: <LiveLastUpdated docId={doc.id} initial={{ at: doc.updatedAt, by: doc.updatedBy }} format="relative" />
              </span>
              <span className="text-slate-400" aria-hidden="true">
                ·
              </span>
              <span>Author: {doc.author.name}</span>
              <div className="ml-auto flex items-center gap-2">
                <ShareDialog docId={doc.id} docTitle={doc.title} />
                <DocActions docId={doc.id} slug={doc.slug} archived={!!doc.archivedAt} canManage={doc.access.canManage} workspaceRole={member?.role ?? "VIEWER"} />
              </div>
            </div>
          </header>
          <ReviewPanelSlot placement="inline" {...review} />
          <DocSections doc={doc} editable={writable} userId={actor.id} />
          <DocFooter doc={doc} stamps={signOff.stamps} />
        </main>
        <ReviewPanelSlot placement="column" {...review} />
      </div>
    </div>
  );
}
