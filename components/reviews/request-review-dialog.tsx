"use client";

import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { listReviewCandidatesAction, requestReviewAction } from "@/app/(app)/docs/[slug]/review-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ReviewCandidateDTO } from "@/lib/reviews/dto";
import { REVIEW_MESSAGE_MAX } from "@/lib/reviews/limits";

type Props = {
  docId: string;
  sections: { key: string; title: string; required: boolean; isEmpty: boolean }[];
  alreadyRequested: string[];
  rule: "ALL" | "AT_LEAST";
  requiredApprovals: number | null;
};

type Candidates =
  { kind: "loading" } | { kind: "done"; people: ReviewCandidateDTO[] } | { kind: "failed"; message: string };

/** Members who may be asked, fetched when the dialog's code loads (on hover of its button), not with every page. */
function useReviewCandidates(docId: string): Candidates {
  const [state, setState] = useState<Candidates>({ kind: "loading" });
  useEffect(() => {
    let live = true;
    listReviewCandidatesAction(docId).then(
      (result) =>
        live &&
        setState(result.ok ? { kind: "done", people: result.data } : { kind: "failed", message: result.message }),
      () =>
        live &&
        setState({
          kind: "failed",
          message: "The list of people could not be loaded. Close the dialog and try again.",
        }),
    );
    return () => {
      live = false;
    };
  }, [docId]);
  return state;
}

const box = "size-4 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600";

export function RequestReviewDialog({
  docId,
  sections,
  alreadyRequested,
  rule: initialRule,
  requiredApprovals,
}: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [scope, setScope] = useState<"doc" | "sections">("doc");
  const [keys, setKeys] = useState<string[]>([]);
  const [rule, setRule] = useState(initialRule);
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const candidates = useReviewCandidates(docId);
  const missing = sections.filter((s) => s.required && s.isEmpty);
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  function submit(form: FormData) {
    setError(null);
    startTransition(async () => {
      const result = await requestReviewAction(docId, {
        reviewerIds: reviewers,
        sectionKeys: scope === "sections" ? keys : [],
        message: String(form.get("message") ?? ""),
        dueAt: String(form.get("dueAt") ?? "") || null,
        rule,
        requiredApprovals: rule === "AT_LEAST" ? Number(form.get("requiredApprovals")) : undefined,
      });
      if (!result.ok) return setError(result);
      toast.success(
        `Review requested from ${result.data.requested} ${result.data.requested === 1 ? "person" : "people"}.`,
      );
      setOpen(false);
      setReviewers([]);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <UserPlus aria-hidden="true" /> Request review
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Request review</DialogTitle>
          <DialogDescription>
            Reviewers sign off on the exact content. Any later edit to what they approved makes their approval stale.
          </DialogDescription>
        </DialogHeader>
        {missing.length > 0 && (
          <Alert variant="warning" title="Required sections are empty">
            Fill in {missing.map((s) => s.title).join(", ")} before asking for review.
          </Alert>
        )}
        <form action={submit} className="grid gap-4" noValidate>
          {error && !error.fieldErrors?.reviewerIds && <Alert variant="danger">{error.message}</Alert>}
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-sm font-medium text-slate-900">Reviewers</legend>
            {candidates.kind === "loading" ? (
              <p className="text-sm text-slate-600">Loading people…</p>
            ) : candidates.kind === "failed" ? (
              <p className="text-sm text-red-700">{candidates.message}</p>
            ) : candidates.people.length === 0 ? (
              <p className="text-sm text-slate-600">
                Nobody else in this workspace can review yet. Invite a member from Settings.
              </p>
            ) : (
              <ul className="grid max-h-48 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2">
                {candidates.people.map((c) => (
                  <li key={c.id}>
                    <label className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                      <input
                        type="checkbox"
                        className={box}
                        checked={reviewers.includes(c.id)}
                        onChange={() => setReviewers((r) => toggle(r, c.id))}
                      />
                      {c.name}
                      {alreadyRequested.includes(c.id) && (
                        <span className="text-xs text-slate-500">already asked — asking again updates the request</span>
                      )}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {error?.fieldErrors?.reviewerIds && (
              <p className="text-sm text-red-700">{error.fieldErrors.reviewerIds.join(" ")}</p>
            )}
          </fieldset>
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-sm font-medium text-slate-900">What to review</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="scope"
                className={box}
                checked={scope === "doc"}
                onChange={() => setScope("doc")}
              />{" "}
              The whole doc
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="scope"
                className={box}
                checked={scope === "sections"}
                onChange={() => setScope("sections")}
              />{" "}
              Chosen sections
            </label>
            {scope === "sections" && (
              <ul className="ml-6 grid max-h-44 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2">
                {sections.map((s) => (
                  <li key={s.key}>
                    <label className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
                      <input
                        type="checkbox"
                        className={box}
                        checked={keys.includes(s.key)}
                        onChange={() => setKeys((k) => toggle(k, s.key))}
                      />
                      {s.title}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <Field label="Message" error={error?.fieldErrors?.message} hint="Optional. What should they look at first?">
            <Textarea name="message" rows={3} maxLength={REVIEW_MESSAGE_MAX} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Due date (optional)" error={error?.fieldErrors?.dueAt}>
              <Input name="dueAt" type="date" />
            </Field>
            <Field label="Approval rule" error={error?.fieldErrors?.rule}>
              <Select value={rule} onChange={(e) => setRule(e.target.value as "ALL" | "AT_LEAST")}>
                <option value="ALL">Every reviewer approves</option>
                <option value="AT_LEAST">At least N approve</option>
              </Select>
            </Field>
          </div>
          {rule === "AT_LEAST" && (
            <Field label="Approvals needed" error={error?.fieldErrors?.requiredApprovals}>
              <Input
                name="requiredApprovals"
                type="number"
                min={1}
                max={20}
                defaultValue={requiredApprovals ?? 1}
                className="w-24"
              />
            </Field>
          )}
          <DialogFooter>
            <Button
              type="submit"
              loading={pending}
              disabled={reviewers.length === 0 || (scope === "sections" && keys.length === 0)}
            >
              Request review
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
