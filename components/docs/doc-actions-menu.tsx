"use client";

import type { TransitionStartFunction } from "react";
import { Archive, ArchiveRestore, Download, FileText, LayoutTemplate, Printer, Trash2 } from "lucide-react";
import { setArchivedAction } from "@/app/(app)/docs/[slug]/actions";
import { DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { can } from "@/lib/auth/permissions";
import type { WorkspaceRole } from "@/lib/db/generated/enums";

export type DocActionsMenuProps = {
  docId: string;
  slug: string;
  archived: boolean;
  canManage: boolean;
  workspaceRole: WorkspaceRole;
  /** The trigger's transition: it shows the spinner while an archive change runs. */
  startTransition: TransitionStartFunction;
  onSaveAsTemplate: () => void;
  onDelete: () => void;
};

/** The doc's "More" menu items, loaded on first use of the menu (./doc-actions.tsx). */
export function DocActionsMenu({
  docId,
  slug,
  archived,
  canManage,
  workspaceRole,
  startTransition,
  onSaveAsTemplate,
  onDelete,
}: DocActionsMenuProps) {
  // The server checks again; this only hides what it would refuse.
  const canSaveAsTemplate = can(workspaceRole, "templates.manage");
  const canDelete = workspaceRole === "OWNER" || workspaceRole === "ADMIN";
  const archive = (value: boolean) =>
    startTransition(async () => {
      const result = await setArchivedAction(docId, slug, value);
      if (result && !result.ok) toast.error(result.message);
    });
  return (
    <DropdownMenuContent align="end">
      <DropdownMenuItem asChild>
        <a href={`/api/docs/${docId}/export.md`} download>
          <Download aria-hidden="true" /> Export as Markdown
        </a>
      </DropdownMenuItem>
      <DropdownMenuItem asChild>
        <a href={`/api/docs/${docId}/export.docx`} download>
          <FileText aria-hidden="true" /> Export as Word (.docx)
        </a>
      </DropdownMenuItem>
      {/* The page's print stylesheet (app/globals.css) drops the app chrome and editor controls. */}
      <DropdownMenuItem onSelect={() => window.setTimeout(() => window.print(), 0)}>
        <Printer aria-hidden="true" /> Print / Save as PDF
      </DropdownMenuItem>
      {canManage &&
        (archived ? (
          <DropdownMenuItem onSelect={() => archive(false)}>
            <ArchiveRestore aria-hidden="true" /> Restore
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={() => archive(true)}>
            <Archive aria-hidden="true" /> Archive
          </DropdownMenuItem>
        ))}
      {canSaveAsTemplate && (
        <DropdownMenuItem onSelect={onSaveAsTemplate}>
          <LayoutTemplate aria-hidden="true" /> Save as template
        </DropdownMenuItem>
      )}
      {canDelete && (
        <>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={onDelete} variant="danger">
            <Trash2 aria-hidden="true" /> Delete for good…
          </DropdownMenuItem>
        </>
      )}
    </DropdownMenuContent>
  );
}
