"use client";

import { useTransition } from "react";
import { toast } from "@/components/ui/toaster";
import { signOutEverywhereAction } from "@/app/(auth)/actions";
import { clearDeviceCopies } from "@/components/collab/device-copies";
import { Button } from "@/components/ui/button";

export function SignOutEverywhereButton() {
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        loading={pending}
        onClick={() =>
          startTransition(async () => {
            await clearDeviceCopies();
            const result = await signOutEverywhereAction();
            if (result && !result.ok) toast.error(result.message);
          })
        }
      >
        Sign out everywhere
      </Button>
      <p className="text-sm text-slate-600">Ends every session of yours, on every device, at once.</p>
    </div>
  );
}
