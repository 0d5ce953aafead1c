import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Lock } from "lucide-react";
import { DuplicateTemplateButton } from "@/components/templates/duplicate-template-button";
import { sectionSummary } from "@/components/templates/section-summary";
import { TemplateEditor } from "@/components/templates/template-editor";
import { TemplatePreview } from "@/components/templates/template-preview";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getTemplateForEditing } from "@/lib/templates/queries";
import { requireWorkspace } from "@/lib/workspaces/access";

type Props = { params: Promise<{ workspace: string; templateId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { templateId } = await params;
  return { title: templateId === "new" ? "New template" : "Template" };
}

function Breadcrumb({ slug, current }: { slug: string; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 truncate text-sm text-slate-600">
      <Link href={`/w/${slug}/templates`} className="hover:text-slate-900 hover:underline">
        Templates
      </Link>{" "}
      / {current}
    </nav>
  );
}

export default async function TemplatePage({ params }: Props) {
  const { workspace: slug, templateId } = await params;
  const actor = await requirePageActor(`/w/${slug}/templates/${templateId}`);
  const { workspace, role } = await requireWorkspace(actor, { slug }).catch((e) =>
    isAppError(e) ? notFound() : Promise.reject(e),
  );
  const isNew = templateId === "new";
  const template = isNew
    ? null
    : await getTemplateForEditing(actor, workspace.id, templateId).catch((e) =>
        isAppError(e) && e.code === "NOT_FOUND" ? notFound() : Promise.reject(e),
      );
  const shell = "mx-auto w-full max-w-3xl flex-1 px-4 pt-8 sm:px-6";

  if (isNew && !can(role, "templates.manage")) {
    return (
      <main className={`${shell} pb-8`}>
        <Breadcrumb slug={workspace.slug} current="New template" />
        <EmptyState
          icon={<Lock />}
          title="Only owners and admins create templates"
          description="Ask one of them to add the template you need, or start a doc from an existing one."
          action={
            <Button asChild variant="secondary">
              <Link href={`/w/${workspace.slug}/templates`}>Back to templates</Link>
            </Button>
          }
        />
      </main>
    );
  }

  if (!template || template.editable) {
    return (
      <main className={shell}>
        <Breadcrumb slug={workspace.slug} current={template?.name ?? "New template"} />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          {template ? "Edit template" : "New template"}
        </h1>
        <p className="mt-1 mb-8 max-w-prose text-sm text-slate-600">
          {template
            ? "Changes apply to docs created from now on. " +
              "Docs already written keep the sections, guidance and required flags they started with."
            : "Name the template and list its sections in the order writers should fill them in."}
        </p>
        <TemplateEditor
          key={template?.id ?? "new"}
          workspaceId={workspace.id}
          workspaceSlug={workspace.slug}
          template={template}
        />
      </main>
    );
  }

  const required = template.sections.filter((s) => s.required).length;
  return (
    <main className={`${shell} pb-8`}>
      <Breadcrumb slug={workspace.slug} current={template.name} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
            {template.name}
            {template.builtIn && <Badge>Built-in</Badge>}
          </h1>
          {template.description && <p className="mt-1 max-w-prose text-sm text-slate-600">{template.description}</p>}
          <p className="mt-1 text-sm text-slate-500">{sectionSummary(template.sections.length, required)}</p>
        </div>
        {template.canDuplicate && (
          <DuplicateTemplateButton
            workspaceId={workspace.id}
            workspaceSlug={workspace.slug}
            templateId={template.id}
            name={template.name}
          />
        )}
      </div>
      <Alert variant="info" className="mt-6 mb-6" role={undefined}>
        {template.canDuplicate
          ? "The built-in template is read-only. Duplicate it to make a copy for this workspace that you can change."
          : "Only owners and admins change templates. This is how a doc created from this one starts."}
      </Alert>
      <TemplatePreview template={template} />
    </main>
  );
}
