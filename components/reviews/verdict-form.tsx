"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Check, RotateCcw } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { toast } from "@/components/ui/toaster";
import { submitVerdictAction, type VerdictActionResult } from "@/app/(app)/docs/[slug]/review-actions";
import { Alert } from "@/components/ui/alert";
import { useLatestRevision, useLatestSectionVersions } from "@/components/docs/live-stamp";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { SectionDiffDTO } from "@/lib/reviews/dto";
import { REVIEW_MESSAGE_MAX, type VerdictKind } from "@/lib/reviews/limits";
import { WordDiffView } from "./word-diff-view";

type Props = {
  docId: string;
  revision: number;
  sectionVersions: Record<string, number>;
  canApprove: boolean;
  /** Why Approve is off for this reviewer (lib/reviews/independence.ts). */
  cannotApprove?: string | null;
  staleDiff: SectionDiffDTO[] | null;
  /** I requested changes: what changed since. */
  changesSince?: SectionDiffDTO[] | null;
  /** Asked to review: a verdict from someone not asked is recorded but not counted. */
  requested: boolean;
};

const KINDS: { kind: VerdictKind; label: string; hint: string }[] = [
  { kind: "APPROVE", label: "Approve", hint: "Sign off on this content." },
  { kind: "REQUEST_CHANGES", label: "Request changes", hint: "Must be addressed before approval." },
  { kind: "COMMENT", label: "Comment", hint: "Feedback without a decision." },
];

/** The button says what pressing it will do. */
const SUBMIT: Record<VerdictKind, string> = {
  APPROVE: "Approve",
  REQUEST_CHANGES: "Request changes",
  COMMENT: "Comment",
};

const DONE: Record<VerdictKind, string> = {
  APPROVE: "Approved.",
  REQUEST_CHANGES: "Changes requested.",
  COMMENT: "Comment posted.",
};

export function VerdictForm({
  docId,
  revision,
  sectionVersions,
  canApprove,
  cannotApprove,
  staleDiff,
  changesSince = null,
  requested,
}: Props) {
  const router = useRouter();
  // What the reviewer reads follows the live doc; so does what their verdict says they read.
  const latestRevision = useLatestRevision(docId, revision);
  const latestVersions = useLatestSectionVersions(docId, sectionVersions);
  // Its code may arrive after its HTML (lazy-review-controls.tsx): inert until it has.
  const ready = useHydrated();
  const [pending, startTransition] = useTransition();
  // No verdict is chosen for the reviewer: one who typed criticism and pressed the button must not approve.
  // Only when Comment is the one thing this person may do is it chosen up front.
  const onlyComment = !canApprove && !cannotApprove;
  const [kind, setKind] = useState<VerdictKind | null>(onlyComment ? "COMMENT" : null);
  const [body, setBody] = useState("");
  const [failure, setFailure] = useState<Exclude<VerdictActionResult, { ok: true }> | null>(null);

  function send(k: VerdictKind, text: string) {
    setFailure(null);
    startTransition(async () => {
      const result = await submitVerdictAction(docId, {
        kind: k,
        body: text,
        revision: latestRevision,
        sectionVersions: latestVersions,
      });
      if (!result.ok) return setFailure(result);
      toast.success(DONE[k]);
      setBody("");
      setKind(onlyComment ? "COMMENT" : null);
      router.refresh();
    });
  }

  return (
    <div className="grid gap-4">
      {staleDiff && !failure && (
        <div className="grid gap-3 rounded-md border border-amber-200 bg-amber-50 p-3">
          <div className="flex items-start gap-2 text-sm text-amber-900">
            <RotateCcw aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <p>
              <span className="font-semibold">Your approval is stale.</span> What changed since you approved:
            </p>
          </div>
          <WordDiffView diffs={staleDiff} />
          <Button
            size="sm"
            onClick={() => send("APPROVE", "")}
            loading={pending}
            disabled={!ready}
            className="justify-self-start"
          >
            <Check aria-hidden="true" /> Approve again
          </Button>
        </div>
      )}
      {changesSince && !failure && (
        <div className="grid gap-3 rounded-md border border-sky-200 bg-sky-50 p-3" data-testid="changes-since">
          <p className="text-sm text-sky-950">
            <span className="font-semibold">What changed since you requested changes:</span>
          </p>
          <WordDiffView diffs={changesSince} />
        </div>
      )}
      {failure?.code === "STALE_REVISION" ? (
        <div className="grid gap-3">
          <Alert variant="warning" title="The doc changed while you were reviewing">
            {failure.message}
          </Alert>
          <WordDiffView diffs={failure.sections} />
          <Button
            variant="secondary"
            size="sm"
            className="justify-self-start"
            onClick={() => (setFailure(null), router.refresh())}
          >
            Load revision {failure.currentRevision} and decide again
          </Button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (kind) send(kind, body);
          }}
        >
          <fieldset disabled={!ready} className="grid min-w-0 gap-3">
            {failure && <Alert variant="danger">{failure.message}</Alert>}
            <fieldset className="grid gap-1">
              <legend className="mb-1 text-sm font-medium text-slate-900">Your review</legend>
              {KINDS.map((k) => {
                // Only approving needs independence: whoever edited may still ask for changes.
                const disabled =
                  k.kind === "APPROVE" ? !canApprove : k.kind !== "COMMENT" && !canApprove && !cannotApprove;
                return (
                  <label
                    key={k.kind}
                    className={cn(
                      "flex items-start gap-2 rounded px-1 py-1 text-sm",
                      disabled ? "opacity-50" : "hover:bg-slate-50",
                    )}
                  >
                    <input
                      type="radio"
                      name="kind"
                      className="mt-0.5 size-4"
                      checked={kind === k.kind}
                      disabled={disabled}
                      onChange={() => setKind(k.kind)}
                    />
                    <span>
                      <span className="font-medium text-slate-900">{k.label}</span>
                      <span className="block text-xs text-slate-600">{k.hint}</span>
                    </span>
                  </label>
                );
              })}
              {!canApprove && (
                <p className="text-xs text-slate-600" data-testid="cannot-approve">
                  {cannotApprove ?? "Authors cannot approve or request changes on their own doc."}
                </p>
              )}
              {canApprove && !requested && (
                <p className="text-xs text-slate-600">
                  You were not asked to review: your verdict is recorded but does not count toward approval.
                </p>
              )}
            </fieldset>
            <Field label="Message">
              <Textarea
                rows={3}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                maxLength={REVIEW_MESSAGE_MAX}
                placeholder={kind === "REQUEST_CHANGES" ? "What needs to change?" : "Optional"}
              />
            </Field>
            <Button
              type="submit"
              loading={pending}
              className="justify-self-start"
              disabled={!kind || (kind === "COMMENT" && !body.trim())}
              data-testid="submit-verdict"
            >
              {kind ? SUBMIT[kind] : "Choose a verdict"}
            </Button>
          </fieldset>
        </form>
      )}
    </div>
  );
}
