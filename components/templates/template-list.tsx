"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Archive, Copy, Ellipsis, LayoutTemplate, Pencil } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { archiveTemplateAction, duplicateTemplateAction } from "@/app/(app)/w/[workspace]/templates/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import type { TemplateSummaryDTO } from "@/lib/templates/queries";
import { sectionSummary } from "./section-summary";

type Props = { workspaceId: string; workspaceSlug: string; templates: TemplateSummaryDTO[]; canManage: boolean };

/** One list of templates (built-in or the workspace's own); managers get edit, duplicate and archive. */
export function TemplateList({ workspaceId, workspaceSlug, templates, canManage }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const href = (id: string) => `/w/${workspaceSlug}/templates/${id}`;

  const duplicate = (t: TemplateSummaryDTO) =>
    startTransition(async () => {
      const result = await duplicateTemplateAction(workspaceId, t.id);
      if (!result.ok) return void toast.error(result.message);
      toast.success(`Made an editable copy of “${t.name}”.`);
      router.push(href(result.data.id));
    });
  const archive = (t: TemplateSummaryDTO) => {
    if (
      !window.confirm(
        `Archive “${t.name}”? It leaves this list and the new-doc dialog. Docs already made from it do not change.`,
      )
    )
      return;
    startTransition(async () => {
      const result = await archiveTemplateAction(workspaceId, t.id);
      if (result.ok) toast.success(`“${t.name}” was archived.`);
      else toast.error(result.message);
    });
  };

  return (
    <ul className="divide-y divide-slate-200" aria-busy={pending || undefined}>
      {templates.map((t) => (
        <li
          key={t.id}
          className="flex flex-wrap items-center gap-x-4 gap-y-3 px-4 py-4 sm:px-5"
          data-testid="template-row"
        >
          <div className="min-w-0 flex-1 basis-64">
            <p className="flex flex-wrap items-center gap-2">
              <Link href={href(t.id)} className="font-medium text-slate-900 hover:underline">
                {t.name}
              </Link>
              {t.builtIn && <Badge>Built-in</Badge>}
            </p>
            {t.description && <p className="mt-0.5 line-clamp-2 text-sm text-slate-600">{t.description}</p>}
            <p className="mt-1 text-sm text-slate-500">{sectionSummary(t.sectionCount, t.requiredCount)}</p>
          </div>
          <div className="flex items-center gap-2">
            {!canManage ? (
              <Button asChild variant="secondary" size="sm">
                <Link href={href(t.id)}>View</Link>
              </Button>
            ) : t.builtIn ? (
              <>
                <Button asChild variant="ghost" size="sm">
                  <Link href={href(t.id)}>View</Link>
                </Button>
                <Button variant="secondary" size="sm" disabled={pending} onClick={() => duplicate(t)}>
                  <Copy aria-hidden="true" /> Duplicate
                </Button>
              </>
            ) : (
              <>
                <Button asChild variant="secondary" size="sm">
                  <Link href={href(t.id)} aria-label={`Edit ${t.name}`}>
                    <Pencil aria-hidden="true" /> Edit
                  </Link>
                </Button>
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`More actions for ${t.name}`}
                      disabled={pending}
                      className="size-8"
                    >
                      <Ellipsis aria-hidden="true" />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="end">
                    <DropdownMenuItem onSelect={() => duplicate(t)}>
                      <Copy aria-hidden="true" /> Duplicate
                    </DropdownMenuItem>
                    <DropdownMenuItem variant="danger" onSelect={() => archive(t)}>
                      <Archive aria-hidden="true" /> Archive
                    </DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function NoWorkspaceTemplates({ workspaceSlug, canManage }: { workspaceSlug: string; canManage: boolean }) {
  return (
    <EmptyState
      titleAs="h3"
      icon={<LayoutTemplate />}
      title="No templates of your own yet"
      description={
        canManage
          ? "Start from scratch, duplicate the built-in template and adjust it, or use “Save as template” on a doc."
          : "Owners and admins can add templates that fit how your team writes designs."
      }
      action={
        canManage && (
          <Button asChild variant="secondary">
            <Link href={`/w/${workspaceSlug}/templates/new`}>New template</Link>
          </Button>
        )
      }
      className="py-10"
    />
  );
}
