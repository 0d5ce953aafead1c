import { Lock, ShieldCheck } from "lucide-react";
import type { SignOffStateDTO } from "@/lib/reviews/dto";
import { currentStamps } from "@/lib/reviews/stamp-format";

/** Shown above an approved doc: who signed off, on which revision, and whether it is locked. */
export function SignOffBanner({
  state,
}: {
  state: Pick<SignOffStateDTO, "status" | "stamps" | "lockedAt" | "lockedBy">;
}) {
  if (state.status !== "APPROVED") return null;
  return (
    <div
      role="status"
      className="mb-4 flex gap-3 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900"
      data-testid="signoff-banner"
    >
      <ShieldCheck aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-green-700" />
      <div className="grid gap-0.5">
        <p className="font-semibold">Approved</p>
        <p>
          Signed off by{" "}
          {currentStamps(state.stamps)
            .map((s) => `${s.reviewer.name} (revision ${s.revision})`)
            .join(", ") || "the required reviewers"}
          .
          {state.lockedAt ? (
            <span className="ml-1 inline-flex items-center gap-1">
              <Lock aria-hidden="true" className="size-3.5" /> Locked against edits
              {state.lockedBy ? ` by ${state.lockedBy.name}` : ""}.
            </span>
          ) : (
            " Any edit to an approved section makes that approval stale."
          )}
        </p>
      </div>
    </div>
  );
}
