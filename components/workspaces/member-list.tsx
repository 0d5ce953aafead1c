"use client";

import { useTransition } from "react";
import { toast } from "@/components/ui/toaster";
import { Trash2 } from "lucide-react";
import { changeRoleAction, removeMemberAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { canManageMember, ROLE_LABELS, WORKSPACE_ROLES } from "@/lib/auth/permissions";
import type { WorkspaceRole } from "@/lib/db/generated/enums";
import type { MemberDTO } from "@/lib/workspaces/queries";

export function MemberList({
  workspaceId,
  members,
  myRole,
  myUserId,
}: {
  workspaceId: string;
  members: MemberDTO[];
  myRole: WorkspaceRole;
  myUserId: string;
}) {
  const [pending, startTransition] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; message?: string }>, success: string) =>
    startTransition(async () => {
      const result = await fn();
      if (result.ok) toast.success(success);
      else toast.error(result.message ?? "That did not work.");
    });

  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" aria-busy={pending || undefined}>
      {members.map((m) => {
        const isMe = m.userId === myUserId;
        const manageable = canManageMember(myRole, m.role, null);
        return (
          <li key={m.membershipId} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="member-row">
            <Avatar name={m.name} decorative />
            <div className="min-w-0 flex-1 basis-40">
              <p className="truncate text-sm font-medium text-slate-900">
                {m.name} {isMe && <span className="font-normal text-slate-600">(you)</span>}
              </p>
              <p className="truncate text-sm text-slate-600">{m.email}</p>
            </div>
            {manageable ? (
              <Select
                aria-label={`Role of ${m.name}`}
                value={m.role}
                disabled={pending}
                containerClassName="w-32"
                onChange={(e) =>
                  run(
                    () => changeRoleAction(workspaceId, m.membershipId, e.target.value),
                    `${m.name} is now ${ROLE_LABELS[e.target.value as WorkspaceRole].toLowerCase()}.`,
                  )
                }
              >
                {WORKSPACE_ROLES.filter((r) => canManageMember(myRole, m.role, r)).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </Select>
            ) : (
              <Badge>{ROLE_LABELS[m.role]}</Badge>
            )}
            {(manageable || isMe) && (
              <Button
                variant="ghost"
                size="icon"
                aria-label={isMe ? "Leave this workspace" : `Remove ${m.name}`}
                disabled={pending}
                onClick={() => {
                  if (!window.confirm(isMe ? "Leave this workspace?" : `Remove ${m.name} from this workspace?`)) return;
                  run(
                    () => removeMemberAction(workspaceId, m.membershipId),
                    isMe ? "You left the workspace." : `${m.name} was removed.`,
                  );
                }}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
