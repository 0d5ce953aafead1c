import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Plus } from "lucide-react";
import { NoWorkspaceTemplates, TemplateList } from "@/components/templates/template-list";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listTemplates } from "@/lib/templates/queries";
import { requireWorkspace } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const actor = await requirePageActor(`/w/${slug}/templates`);
  const { workspace, role } = await requireWorkspace(actor, { slug }).catch((e) =>
    isAppError(e) ? notFound() : Promise.reject(e),
  );
  const canManage = can(role, "templates.manage");
  const templates = await listTemplates(actor, workspace.id);
  const builtIn = templates.filter((t) => t.builtIn);
  const own = templates.filter((t) => !t.builtIn);
  const list = { workspaceId: workspace.id, workspaceSlug: workspace.slug, canManage };

  return (
    <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Templates</h1>
        {canManage && (
          <Button asChild>
            <Link href={`/w/${workspace.slug}/templates/new`}>
              <Plus aria-hidden="true" /> New template
            </Link>
          </Button>
        )}
      </div>
      <p className="mt-1 max-w-prose text-sm text-slate-600">
        A new design doc starts from a template: its sections, their order, the guidance writers see and which sections
        are required. Changing a template never changes docs already written.
      </p>
      <div className="mt-8 grid gap-6">
        <Card>
          <CardHeader className="border-b border-slate-200">
            <CardTitle as="h2">{workspace.name}</CardTitle>
            <CardDescription>
              {canManage
                ? "Templates of this workspace. Only owners and admins change them."
                : "Templates of this workspace, made by its owners and admins."}
            </CardDescription>
          </CardHeader>
          {own.length > 0 ? (
            <TemplateList {...list} templates={own} />
          ) : (
            <NoWorkspaceTemplates workspaceSlug={workspace.slug} canManage={canManage} />
          )}
        </Card>
        <Card>
          <CardHeader className="border-b border-slate-200">
            <CardTitle as="h2">Built-in</CardTitle>
            <CardDescription>
              Ships with Design Review and cannot be changed
              {canManage ? ": duplicate it to make a version of your own." : "."}
            </CardDescription>
          </CardHeader>
          <TemplateList {...list} templates={builtIn} />
        </Card>
      </div>
    </main>
  );
}
