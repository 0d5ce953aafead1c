"use client";

import { useActionState } from "react";
import { renameWorkspaceAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function RenameWorkspaceForm({ workspaceId, name }: { workspaceId: string; name: string }) {
  const [state, action, pending] = useActionState(renameWorkspaceAction.bind(null, workspaceId), null);
  const error = state && !state.ok ? (state.fieldErrors?.name ?? state.message) : null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <Field label="Workspace name" error={error} className="min-w-0 flex-1">
        <Input name="name" defaultValue={name} required maxLength={80} />
      </Field>
      <Button type="submit" variant="secondary" loading={pending}>
        Save
      </Button>
      {state?.ok && (
        <p role="status" className="w-full text-sm text-green-700">
          Saved.
        </p>
      )}
    </form>
  );
}
