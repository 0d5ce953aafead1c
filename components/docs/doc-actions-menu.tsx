"use client";

import type { TransitionStartFunction } from "react";
import { Archive, ArchiveRestore, Download, LayoutTemplate } from "lucide-react";
import { setArchivedAction } from "@/app/(app)/docs/[slug]/actions";
import { DropdownMenuContent, DropdownMenuItem } from "@/components/ui/dropdown-menu";
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
};

/** The doc's "More" menu items, loaded on first use of the menu (./doc-actions.tsx). */
export function DocActionsMenu({ docId, slug, archived, canManage, workspaceRole, startTransition, onSaveAsTemplate }: DocActionsMenuProps) {
  // The server checks again; this only hides what it would refuse.
  const canSaveAsTemplate = can(workspaceRole, "templates.manage");
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
    </DropdownMenuContent>
  );
}
