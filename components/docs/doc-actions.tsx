"use client";

import { useTransition } from "react";
import { Archive, ArchiveRestore, Download, Ellipsis } from "lucide-react";
import { toast } from "sonner";
import { setArchivedAction } from "@/app/(app)/docs/[slug]/actions";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export function DocActions({ docId, slug, archived, canManage }: { docId: string; slug: string; archived: boolean; canManage: boolean }) {
  const [pending, startTransition] = useTransition();
  const archive = (value: boolean) =>
    startTransition(async () => {
      const result = await setArchivedAction(docId, slug, value);
      if (result && !result.ok) toast.error(result.message);
    });
  return (
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
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
