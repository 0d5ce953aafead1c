"use client";

import { useState, useTransition } from "react";
import { Archive, ArchiveRestore, Download, Ellipsis, LayoutTemplate } from "lucide-react";
import { toast } from "sonner";
import { setArchivedAction } from "@/app/(app)/docs/[slug]/actions";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { SaveAsTemplateDialog } from "@/components/templates/save-as-template-dialog";
import { can } from "@/lib/auth/permissions";
import type { WorkspaceRole } from "@/lib/db/generated/enums";

type Props = { docId: string; slug: string; archived: boolean; canManage: boolean; workspaceRole: WorkspaceRole };

export function DocActions({ docId, slug, archived, canManage, workspaceRole }: Props) {
  const [pending, startTransition] = useTransition();
  const [savingAsTemplate, setSavingAsTemplate] = useState(false);
  // The server checks again; this only hides what it would refuse.
  const canSaveAsTemplate = can(workspaceRole, "templates.manage");
  const archive = (value: boolean) =>
    startTransition(async () => {
      const result = await setArchivedAction(docId, slug, value);
      if (result && !result.ok) toast.error(result.message);
    });
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="sm" loading={pending}>
            <Ellipsis aria-hidden="true" />
            More
          </Button>
        </DropdownMenuTrigger>
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
            <DropdownMenuItem onSelect={() => setSavingAsTemplate(true)}>
              <LayoutTemplate aria-hidden="true" /> Save as template
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {canSaveAsTemplate && <SaveAsTemplateDialog docId={docId} open={savingAsTemplate} onOpenChange={setSavingAsTemplate} />}
    </>
  );
}
