"use client";

import { useState, useTransition, type ComponentType } from "react";
import { Ellipsis } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { Button } from "@/components/ui/button";
import { LazyDropdownMenu } from "@/components/ui/lazy-dropdown-menu";
import type { WorkspaceRole } from "@/lib/db/generated/enums";

// The menu's items (with their actions and the permission check) come with Radix on first use.
const loadMenu = () => import("./doc-actions-menu").then((m) => m.DocActionsMenu);
// Fetched the first time someone picks "Save as template", not with the page.
type SaveAsTemplateDialogType = typeof import("@/components/templates/save-as-template-dialog").SaveAsTemplateDialog;
const loadSaveAsTemplateDialog = () => import("@/components/templates/save-as-template-dialog").then((m) => m.SaveAsTemplateDialog);

type Props = { docId: string; slug: string; archived: boolean; canManage: boolean; workspaceRole: WorkspaceRole };

export function DocActions({ docId, slug, archived, canManage, workspaceRole }: Props) {
  const [pending, startTransition] = useTransition();
  const [savingAsTemplate, setSavingAsTemplate] = useState(false);
  const [SaveAsTemplateDialog, setSaveAsTemplateDialog] = useState<ComponentType<Parameters<SaveAsTemplateDialogType>[0]> | null>(null);
  const saveAsTemplate = () => {
    setSavingAsTemplate(true);
    loadSaveAsTemplateDialog().then(
      (loaded) => setSaveAsTemplateDialog(() => loaded),
      () => {
        setSavingAsTemplate(false);
        toast.error("Could not load the dialog. Check your connection and try again.");
      },
    );
  };
  return (
    <>
      <LazyDropdownMenu
        trigger={
          <Button variant="secondary" size="sm" loading={pending}>
            <Ellipsis aria-hidden="true" />
            More
          </Button>
        }
        load={loadMenu}
        props={{ docId, slug, archived, canManage, workspaceRole, startTransition, onSaveAsTemplate: saveAsTemplate }}
      />
      {SaveAsTemplateDialog && <SaveAsTemplateDialog docId={docId} open={savingAsTemplate} onOpenChange={setSavingAsTemplate} />}
    </>
  );
}
