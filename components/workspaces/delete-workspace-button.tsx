"use client";

import { useState } from "react";
import { deleteWorkspaceAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDangerDialog } from "@/components/ui/confirm-danger-dialog";

type Props = { workspaceId: string; name: string; docs: number; members: number };

/** Owners only (the page shows it to them; the server checks again). */
export function DeleteWorkspaceButton({ workspaceId, name, docs, members }: Props) {
  const [open, setOpen] = useState(false);
  const others = members - 1;
  const keep =
    others === 0
      ? ""
      : others === 1
        ? "The other member keeps their account and other workspaces. "
        : `The ${others} other members keep their accounts and other workspaces. `;
  const held =
    docs === 0
      ? ""
      : `${docs === 1 ? "its one doc" : `all ${docs} of its docs`} (history, reviews, comments and images), `;
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete workspace…
      </Button>
      <ConfirmDangerDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete this workspace for good?"
        description={
          <>
            <p>
              <strong className="font-medium text-slate-900">{name}</strong> goes with {held}its templates, webhooks and
              audit trail. Every share link of its docs stops working at once. This cannot be undone.
            </p>
            <p>{keep}A record of who deleted it and when is kept. Download an export first if you want a copy.</p>
          </>
        }
        field={{ name: "confirmName", label: "Type the workspace’s name to confirm" }}
        mustMatch={name}
        actionLabel="Delete workspace for good"
        onConfirm={async (typed) => {
          const result = await deleteWorkspaceAction(workspaceId, typed);
          if (result && !result.ok) return { message: result.message, fieldError: result.fieldErrors?.confirmName };
        }}
      />
    </>
  );
}
