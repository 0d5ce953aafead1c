"use client";

import { useState } from "react";
import { deleteAccountAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDangerDialog } from "@/components/ui/confirm-danger-dialog";

export function DeleteAccountButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete my account…
      </Button>
      <ConfirmDangerDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete your account?"
        description={
          <>
            <p>
              You are signed out everywhere and can no longer sign in. Your email address, password, API tokens and
              notifications are deleted, and you leave every workspace.
            </p>
            <p>
              Docs you wrote stay with their workspaces, and past approvals keep your name: the sign-off record needs
              it. A workspace where you are the only member is deleted with your account.
            </p>
          </>
        }
        field={{ name: "password", label: "Your password", type: "password", autoComplete: "current-password" }}
        actionLabel="Delete my account"
        onConfirm={async (password) => {
          const result = await deleteAccountAction(password);
          if (result && !result.ok) return { message: result.message, fieldError: result.fieldErrors?.password };
        }}
      />
    </>
  );
}
