"use client";

import { useActionState } from "react";
import { acceptInvitationAction } from "@/app/invite/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function AcceptInvitationForm({ token, label }: { token: string; label: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action} className="grid gap-3">
      {state && !state.ok && <Alert variant="danger">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" loading={pending} className="w-full">
        {label}
      </Button>
    </form>
  );
}
