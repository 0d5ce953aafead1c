import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { DocFilters } from "@/components/docs/doc-filters";
import { DocList } from "@/components/docs/doc-list";
import { ImportDialog } from "@/components/docs/import-dialog";
import { NewDocDialog } from "@/components/docs/new-doc-dialog";
import { SharedWithMe } from "@/components/sharing/shared-with-me";
import { ReviewDashboards } from "@/components/reviews/review-dashboards";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listDocs } from "@/lib/docs/list-docs";
import { listMyDocsInReview, listWaitingForMyReview } from "@/lib/reviews/dashboards";
import { listDocsSharedWithMe } from "@/lib/sharing/doc-members";
import { isAppError } from "@/lib/errors";
import { listTemplates } from "@/lib/templates/queries";
import { requireWorkspace } from "@/lib/workspaces/access";
import { listMembers } from "@/lib/workspaces/queries";

export const metadata: Metadata = { title: "Docs" };

type Search = {
  welcome?: string;
  joined?: string;
  q?: string;
  status?: string;
  author?: string;
  sort?: string;
  archived?: string;
  deleted?: string;
  workspaceDeleted?: string;
};

export default async function WorkspaceHomePage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ workspace: slug }, search] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/w/${slug}`);
  const { workspace, role } = await requireWorkspace(actor, { slug }).catch((e) =>
    isAppError(e) ? notFound() : Promise.reject(e),
  );
  const canCreate = can(role, "doc.create");
  const [docs, members, templates, sharedWithMe, waiting, mine] = await Promise.all([
    listDocs(actor, workspace.id, search),
    listMembers(actor, workspace.id),
    canCreate ? listTemplates(actor, workspace.id) : [],
    listDocsSharedWithMe(actor),
    listWaitingForMyReview(actor),
    listMyDocsInReview(actor),
  ]);
  const filtered = !!(search.q || search.status || search.author || search.archived);
  return (
    <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
      {search.welcome && (
        <Alert variant="success" className="mb-6" title={`Welcome, ${actor.name}!`}>
          This is your workspace. Write your first design doc, or invite your team from Settings.
        </Alert>
      )}
      {search.deleted && (
        <Alert variant="success" className="mb-6">
          The doc is deleted for good. Its share links no longer open.
        </Alert>
      )}
      {search.workspaceDeleted && (
        <Alert variant="success" className="mb-6">
          The workspace is deleted for good. You are in {workspace.name}.
        </Alert>
      )}
      {search.joined && (
        <Alert variant="success" className="mb-6">
          You joined {workspace.name}.
        </Alert>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Design docs</h1>
        {canCreate && (
          <div className="flex flex-wrap gap-2">
            <ImportDialog workspaceId={workspace.id} />
            <NewDocDialog workspaceId={workspace.id} templates={templates} />
          </div>
        )}
      </div>
      <div className="mt-6">
        <ReviewDashboards waiting={waiting} mine={mine} workspaceId={workspace.id} />
      </div>
      <div className="mt-6 grid gap-4">
        <DocFilters values={search} authors={members.map((m) => ({ id: m.userId, name: m.name }))} />
        <DocList docs={docs} searching={filtered} />
      </div>
      <SharedWithMe docs={sharedWithMe} />
    </main>
  );
}
