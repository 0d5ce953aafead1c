"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Users, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { toast } from "@/components/ui/toaster";
import {
  addDocMemberAction,
  removeDocMemberAction,
  revokeDocInvitationAction,
} from "@/app/(app)/docs/[slug]/share-actions";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { DocMemberRole } from "@/lib/db/generated/enums";
import type { DocInvitedDTO, SharingStateDTO } from "@/lib/sharing/dto";

const ROLE_LABEL: Record<DocMemberRole, string> = {
  OWNER: "Owner",
  EDITOR: "Editor",
  REVIEWER: "Reviewer",
  VIEWER: "Viewer",
};

/** People with access of their own to this doc: add by email with a role, remove. */
export function SharePeople({
  docId,
  state,
  onChange,
}: {
  docId: string;
  state: SharingStateDTO;
  onChange: () => Promise<void>;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [invited, setInvited] = useState<DocInvitedDTO | null>(null);

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      email: String(data.get("email") ?? ""),
      role: String(data.get("role") ?? "VIEWER") as DocMemberRole,
    };
    startTransition(async () => {
      const result = await addDocMemberAction(docId, input);
      if (!result.ok) return setError({ message: result.message, field: Object.keys(result.fieldErrors ?? {})[0] });
      setError(null);
      form.reset();
      if (result.data.kind === "invited") setInvited(result.data);
      else {
        setInvited(null);
        const { name, role } = result.data.member;
        toast.success(`${name} can now open this doc as ${ROLE_LABEL[role].toLowerCase()}.`);
      }
      await onChange();
    });
  };

  const withdraw = (id: string, email: string) => {
    setRemoving(id);
    startTransition(async () => {
      const result = await revokeDocInvitationAction(docId, id);
      setRemoving(null);
      if (!result.ok) return void toast.error(result.message);
      toast.success(`The invitation to ${email} was withdrawn; its link no longer works.`);
      await onChange();
    });
  };

  const remove = (userId: string, name: string) => {
    setRemoving(userId);
    startTransition(async () => {
      const result = await removeDocMemberAction(docId, userId);
      setRemoving(null);
      if (!result.ok) return void toast.error(result.message);
      toast.success(`${name} no longer has access of their own.`);
      await onChange();
    });
  };

  return (
    <section aria-labelledby="share-people" className="grid min-w-0 gap-3 border-t border-slate-200 pt-5 [&>*]:min-w-0">
      <h3 id="share-people" className="font-semibold text-slate-900">
        People with access
      </h3>
      <form onSubmit={add} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto_auto]" noValidate>
        <Input
          name="email"
          type="email"
          placeholder="name@company.com"
          aria-label="Email address"
          autoComplete="off"
          required
          aria-invalid={error?.field === "email" || undefined}
          aria-describedby={error ? "share-people-error" : undefined}
        />
        <Select name="role" aria-label="Role" defaultValue="VIEWER" containerClassName="sm:w-32">
          {(["VIEWER", "REVIEWER", "EDITOR", "OWNER"] as const).map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </Select>
        <Button type="submit" loading={pending && !removing}>
          Add
        </Button>
      </form>
      <p className="text-xs text-slate-600">
        Viewers read and comment · reviewers also approve · editors also edit and share · owners everything.
      </p>
      {error && (
        <Alert variant="danger" id="share-people-error">
          {error.message}
        </Alert>
      )}
      {invited && (
        <Alert
          variant="success"
          title={invited.emailed ? `Invitation emailed to ${invited.email}` : `Invitation created for ${invited.email}`}
        >
          <p>
            People outside {state.workspace.name} get this doc once they accept, signed in with that address.{" "}
            {invited.emailed
              ? "You can also send them this link yourself."
              : "Email is not set up on this server: copy the link and send it to them."}
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code
              className={cn(
                "min-w-0 flex-1 truncate rounded border border-green-200 bg-white px-2 py-1",
                "font-mono text-xs text-slate-800",
              )}
              data-testid="doc-invite-link"
            >
              {invited.link}
            </code>
            <CopyButton text={invited.link} label="Copy link" variant="secondary" size="sm" />
          </div>
        </Alert>
      )}
      <ul className="grid gap-1 [&>*]:min-w-0">
        <li className="flex items-center gap-3 rounded-md px-1 py-1.5">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-slate-100 text-slate-600">
            <Users className="size-4" />
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate font-medium text-slate-900">Everyone in {state.workspace.name}</span>
            <span className="block text-slate-600">
              {state.workspace.memberCount} {state.workspace.memberCount === 1 ? "person" : "people"}, by their
              workspace role
            </span>
          </span>
        </li>
        {state.members.map((m) => (
          <li key={m.userId} className="flex items-center gap-3 rounded-md px-1 py-1.5">
            <Avatar name={m.name} decorative />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-slate-900">{m.name}</span>
              <span className="block truncate text-slate-600">{m.email}</span>
            </span>
            <Badge>{ROLE_LABEL[m.role]}</Badge>
            {m.removable && (
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Remove ${m.name}`}
                loading={removing === m.userId}
                onClick={() => remove(m.userId, m.name)}
              >
                <X aria-hidden="true" />
              </Button>
            )}
          </li>
        ))}
        {state.invitations.map((inv) => (
          <li key={inv.id} className="flex items-center gap-3 rounded-md px-1 py-1.5" data-testid="doc-invitation">
            <Avatar name={inv.email} decorative />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-slate-900">{inv.email}</span>
              <span className="block truncate text-slate-600">Invited by {inv.invitedBy} · not accepted yet</span>
            </span>
            <Badge>{ROLE_LABEL[inv.role]}</Badge>
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Withdraw the invitation to ${inv.email}`}
              loading={removing === inv.id}
              onClick={() => withdraw(inv.id, inv.email)}
            >
              <X aria-hidden="true" />
            </Button>
          </li>
        ))}
      </ul>
      {state.members.length === 0 && state.invitations.length === 0 && (
        <p className="text-slate-600">
          Nobody has been added to this doc alone yet. Add someone by email to give them this doc and nothing else of
          the workspace: people outside it get an invitation to accept.
        </p>
      )}
    </section>
  );
}
