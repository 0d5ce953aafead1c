"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Lock, LockOpen, RotateCw, X } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import {
  cancelReviewRequestAction,
  reRequestReviewAction,
  setLockedAction,
} from "@/app/(app)/docs/[slug]/review-actions";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

export function CancelRequestButton({ docId, requestId, name }: { docId: string; requestId: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const ready = useHydrated(); // loaded lazily (lazy-review-controls.tsx): inert until its code is here
  return (
    <Button
      variant="ghost"
      size="icon"
      className="size-7"
      loading={pending}
      disabled={!ready}
      aria-label={`Withdraw the review request for ${name}`}
      title="Withdraw request"
      onClick={() =>
        startTransition(async () => {
          const result = await cancelReviewRequestAction(docId, requestId);
          if (!result.ok) toast.error(result.message);
          else router.refresh();
        })
      }
    >
      <X aria-hidden="true" />
    </Button>
  );
}

export function LockButton({ docId, locked }: { docId: string; locked: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const ready = useHydrated();
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={pending}
      disabled={!ready}
      onClick={() =>
        startTransition(async () => {
          const result = await setLockedAction(docId, !locked);
          if (!result.ok) return void toast.error(result.message);
          toast.success(
            locked ? "Unlocked: the doc can be edited again." : "Locked: nobody can edit the doc until it is unlocked.",
          );
          router.refresh();
        })
      }
    >
      {locked ? <LockOpen aria-hidden="true" /> : <Lock aria-hidden="true" />}
      {locked ? "Unlock editing" : "Lock against edits"}
    </Button>
  );
}

/** One click: the reviewers who requested changes are asked again, with what changed since attached. */
export function RerequestButton({ docId }: { docId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const ready = useHydrated();
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={pending}
      disabled={!ready}
      onClick={() =>
        startTransition(async () => {
          const result = await reRequestReviewAction(docId);
          if (!result.ok) return void toast.error(result.message);
          const n = result.data.reRequested;
          toast.success(`Review re-requested from ${n} ${n === 1 ? "person" : "people"}.`);
          router.refresh();
        })
      }
    >
      {!pending && <RotateCw aria-hidden="true" />}
      Re-request review
    </Button>
  );
}
