"use client";

import { useActionState } from "react";
import { inviteMemberAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, WORKSPACE_ROLES } from "@/lib/auth/permissions";

export function InviteForm({ workspaceId, canInviteOwners }: { workspaceId: string; canInviteOwners: boolean }) {
  const [state, action, pending] = useActionState(inviteMemberAction.bind(null, workspaceId), null);
  const error = state && !state.ok ? state : null;
  const roles = WORKSPACE_ROLES.filter((r) => canInviteOwners || (r !== "OWNER" && r !== "ADMIN"));
  return (
    <div className="grid min-w-0 grid-cols-1 gap-4">
      {/* One column that never widens past the card: a <select> is as wide as its longest option (a role and its
          description), and every auto track or min-width:auto item around it grew to that on a phone. */}
      <form
        action={action}
        className="grid min-w-0 grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-end"
        noValidate
      >
        <Field label="Email address" error={error?.fieldErrors?.email}>
          <Input name="email" type="email" required placeholder="teammate@company.com" autoComplete="off" />
        </Field>
        <Field label="Role" error={error?.fieldErrors?.role}>
          <Select name="role" defaultValue="MEMBER" className="w-full min-w-0">
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]} — {ROLE_DESCRIPTIONS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" loading={pending}>
          Send invitation
        </Button>
      </form>
      {error && !error.fieldErrors && <Alert variant="danger">{error.message}</Alert>}
      {state?.ok && (
        <Alert
          variant="success"
          title={
            state.data.emailed
              ? `Invitation emailed to ${state.data.email}`
              : `Invitation created for ${state.data.email}`
          }
        >
          <p>
            {state.data.emailed
              ? "You can also share this link yourself."
              : "Email is not set up on this server: copy the link and send it to them."}{" "}
            It works once and expires in 7 days.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code
              className={cn(
                "min-w-0 flex-1 truncate rounded border border-green-200 bg-white px-2 py-1",
                "font-mono text-xs text-slate-800",
              )}
              data-testid="invite-link"
            >
              {state.data.link}
            </code>
            <CopyButton text={state.data.link} label="Copy link" variant="secondary" size="sm" />
          </div>
        </Alert>
      )}
    </div>
  );
}
