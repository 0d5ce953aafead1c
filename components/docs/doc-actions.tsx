"use client";

import { useState, useTransition, type ComponentType } from "react";
import { Archive, ArchiveRestore, Download, Ellipsis, LayoutTemplate } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { setArchivedAction } from "@/app/(app)/docs/[slug]/actions";
import { Button } from "@/components/ui/button";
import { LazyDropdownMenu } from "@/components/ui/lazy-dropdown-menu";
import { can } from "@/lib/auth/permissions";
import type { WorkspaceRole } from "@/lib/db/generated/enums";

// Fetched the first time someone picks "Save as template", not with the page.
type SaveAsTemplateDialogType = typeof import("@/components/templates/save-as-template-dialog").SaveAsTemplateDialog;
const loadSaveAsTemplateDialog = () => import("@/components/templates/save-as-template-dialog").then((m) => m.SaveAsTemplateDialog);

type Props = { docId: string; slug: string; archived: boolean; canManage: boolean; workspaceRole: WorkspaceRole };

export function DocActions({ docId, slug, archived, canManage, workspaceRole }: Props) {
  const [pending, startTransition] = useTransition();
  const [savingAsTemplate, setSavingAsTemplate] = useState(false);
  const [SaveAsTemplateDialog, setSaveAsTemplateDialog] = useState<ComponentType<Parameters<SaveAsTemplateDialogType>[0]> | null>(null);
  // The server checks again; this only hides what it would refuse.
  const canSaveAsTemplate = can(workspaceRole, "templates.manage");
  const archive = (value: boolean) =>
    startTransition(async () => {
      const result = await setArchivedAction(docId, slug, value);
      if (result && !result.ok) toast.error(result.message);
    });
  return (
    <>
      <LazyDropdownMenu
        trigger={
          <Button variant="secondary" size="sm" loading={pending}>
            <Ellipsis aria-hidden="true" />
            More
          </Button>
        }
      >
        {(m) => (
          <m.DropdownMenuContent align="end">
              <m.DropdownMenuItem asChild>
                <a href={`/api/docs/${docId}/export.md`} download>
                  <Download aria-hidden="true" /> Export as Markdown
                </a>
              </m.DropdownMenuItem>
              {canManage &&
                (archived ? (
                  <m.DropdownMenuItem onSelect={() => archive(false)}>
                    <ArchiveRestore aria-hidden="true" /> Restore
                  </m.DropdownMenuItem>
                ) : (
                  <m.DropdownMenuItem onSelect={() => archive(true)}>
                    <Archive aria-hidden="true" /> Archive
                  </m.DropdownMenuItem>
                ))}
              {canSaveAsTemplate && (
                <m.DropdownMenuItem onSelect={() => {
                    setSavingAsTemplate(true);
                    loadSaveAsTemplateDialog().then(
                      (loaded) => setSaveAsTemplateDialog(() => loaded),
                      () => {
                        setSavingAsTemplate(false);
                        toast.error("Could not load the dialog. Check your connection and try again.");
                      },
                    );
                  }}>
                  <LayoutTemplate aria-hidden="true" /> Save as template
                </m.DropdownMenuItem>
              )}
            </m.DropdownMenuContent>
        )}
      </LazyDropdownMenu>
      {canSaveAsTemplate && SaveAsTemplateDialog && <SaveAsTemplateDialog docId={docId} open={savingAsTemplate} onOpenChange={setSavingAsTemplate} />}
    </>
  );
}
