"use client";

import { useTransition } from "react";
import { toast } from "@/components/ui/toaster";
import { revokeInvitationAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { InvitationDTO } from "@/lib/workspaces/invitations";

export function PendingInvitations({
  workspaceId,
  invitations,
}: {
  workspaceId: string;
  invitations: InvitationDTO[];
}) {
  const [pending, startTransition] = useTransition();
  if (invitations.length === 0) return <p className="text-sm text-slate-600">No pending invitations.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
      {invitations.map((inv) => (
        <li key={inv.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
          <div className="min-w-0 flex-1 basis-48">
            {/* A long address wraps (it is what tells two invitations apart), never runs out of the card. */}
            <p className="text-sm font-medium wrap-anywhere text-slate-900">{inv.email}</p>
            <p className="text-sm text-slate-600">
              Invited by {inv.invitedBy} · expires{" "}
              {new Date(inv.expiresAt).toLocaleDateString("en", { month: "short", day: "numeric" })}
            </p>
          </div>
          <Badge>{ROLE_LABELS[inv.role]}</Badge>
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const r = await revokeInvitationAction(workspaceId, inv.id);
                if (r.ok) toast.success(`Invitation to ${inv.email} withdrawn.`);
                else toast.error(r.message);
              })
            }
          >
            Withdraw
          </Button>
        </li>
      ))}
    </ul>
  );
}
