"use client";

import { useActionState } from "react";
import { confirmSignUpAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ConfirmSignUpForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(confirmSignUpAction, null);
  return (
    <form action={action} className="grid gap-3">
      {state && !state.ok && <Alert variant="danger">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" loading={pending} className="w-full">
        Create my account
      </Button>
    </form>
  );
}
