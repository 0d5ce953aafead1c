"use client";

import { deleteDocAction } from "@/app/(app)/docs/[slug]/actions";
import { ConfirmDangerDialog } from "@/components/ui/confirm-danger-dialog";

type Props = { docId: string; title: string; open: boolean; onOpenChange: (open: boolean) => void };

/** Opened from the doc's "More" menu (owners and admins of the workspace); the server checks both again. */
export function DeleteDocDialog({ docId, title, open, onOpenChange }: Props) {
  return (
    <ConfirmDangerDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Delete this doc for good?"
      description={
        <>
          <p>
            <strong className="font-medium text-slate-900">{title}</strong> goes with its whole history, reviews and
            approvals, comments and images. Its share links stop working at once. This cannot be undone.
          </p>
          <p>The workspace’s audit log keeps a line saying you deleted it.</p>
        </>
      }
      field={{ name: "confirmTitle", label: "Type the doc’s title to confirm" }}
      mustMatch={title}
      actionLabel="Delete doc for good"
      onConfirm={async (typed) => {
        const result = await deleteDocAction(docId, typed);
        if (result && !result.ok) return { message: result.message, fieldError: result.fieldErrors?.confirmTitle };
      }}
    />
  );
}
