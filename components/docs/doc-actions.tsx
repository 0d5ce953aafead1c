"use client";

import { useState, useTransition } from "react";
import { Ellipsis } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { Button } from "@/components/ui/button";
import { LazyDropdownMenu } from "@/components/ui/lazy-dropdown-menu";
import { createComponentLoader, useLazyComponent } from "@/components/ui/use-lazy-component";
import type { WorkspaceRole } from "@/lib/db/generated/enums";

// The menu's items (with their actions and the permission check) come with Radix on first use.
const loadMenu = () => import("./doc-actions-menu").then((m) => m.DocActionsMenu);
// The dialogs are fetched the first time someone picks their item, not with the page.
const saveAsTemplateDialog = createComponentLoader(() =>
  import("@/components/templates/save-as-template-dialog").then((m) => m.SaveAsTemplateDialog),
);
const deleteDocDialog = createComponentLoader(() => import("./delete-doc-dialog").then((m) => m.DeleteDocDialog));

type Props = {
  docId: string;
  slug: string;
  title: string;
  archived: boolean;
  canManage: boolean;
  workspaceRole: WorkspaceRole;
};

type Opened = "template" | "delete" | null;

export function DocActions({ docId, slug, title, archived, canManage, workspaceRole }: Props) {
  const [pending, startTransition] = useTransition();
  // What was picked last; `open` goes false on closing so the dialog can animate out.
  const [picked, setPicked] = useState<Opened>(null);
  const [open, setOpen] = useState(false);
  const failed = () => {
    setPicked(null);
    toast.error("Could not load the dialog. Check your connection and try again.");
  };
  const template = useLazyComponent(saveAsTemplateDialog, picked === "template", failed);
  const remove = useLazyComponent(deleteDocDialog, picked === "delete", failed);
  const pick = (which: Exclude<Opened, null>) => {
    setPicked(which);
    setOpen(true);
  };
  const SaveAsTemplateDialog = picked === "template" ? template.Component : null;
  const DeleteDocDialog = picked === "delete" ? remove.Component : null;
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
        props={{
          docId,
          slug,
          archived,
          canManage,
          workspaceRole,
          startTransition,
          onSaveAsTemplate: () => pick("template"),
          onDelete: () => pick("delete"),
        }}
      />
      {SaveAsTemplateDialog && <SaveAsTemplateDialog docId={docId} open={open} onOpenChange={setOpen} />}
      {DeleteDocDialog && <DeleteDocDialog docId={docId} title={title} open={open} onOpenChange={setOpen} />}
    </>
  );
}
