"use client";

import { useState, useTransition } from "react";
import { setReviewSettingsAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { toast } from "@/components/ui/toaster";

/** The workspace's review rule: approvals independent of editing. Saved when toggled; read-only for members. */
export function ReviewSettingsForm({
  workspaceId,
  independentApproval,
  canChange,
}: {
  workspaceId: string;
  independentApproval: boolean;
  canChange: boolean;
}) {
  const [on, setOn] = useState(independentApproval);
  const [pending, startTransition] = useTransition();
  const toggle = (next: boolean) => {
    setOn(next);
    startTransition(async () => {
      const result = await setReviewSettingsAction(workspaceId, { independentApproval: next });
      if (!result.ok) {
        setOn(!next);
        return void toast.error(result.message);
      }
      toast.success(next ? "Approvals must now be independent." : "Editors may now approve what they edited.");
    });
  };
  return (
    <div className="grid gap-1">
      <div className="flex items-start gap-2">
        <input
          id="independent-approval"
          type="checkbox"
          className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
          checked={on}
          disabled={!canChange || pending}
          onChange={(e) => toggle(e.target.checked)}
          aria-describedby="independent-approval-help"
        />
        <label htmlFor="independent-approval" className="text-sm font-medium text-slate-900">
          Approvals must be independent
        </label>
      </div>
      <p id="independent-approval-help" className="pl-6 text-sm text-slate-600">
        {on
          ? "Whoever edited a section since the doc was last approved cannot approve that section; someone else must."
          : "Reviewers may approve sections they edited themselves."}{" "}
        Nobody can ask themselves for a review, and authors never approve their own docs.
        {!canChange && " Only owners and admins can change this."}
      </p>
    </div>
  );
}
