"use client";

import { useState, useTransition, type FormEvent } from "react";
import { TriangleAlert } from "lucide-react";
import { createShareLinkAction } from "@/app/(app)/docs/[slug]/share-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FieldErrors } from "@/lib/errors";
import type { CreatedShareLinkDTO } from "@/lib/sharing/dto";
import { DEFAULT_EXPIRY_DAYS, SHARE_EXPIRY_CHOICES, SHARE_PASSWORD_MIN } from "@/lib/sharing/limits";

export function CreateShareLinkForm({ docId, onCreated }: { docId: string; onCreated: (created: CreatedShareLinkDTO) => Promise<void> }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; fieldErrors?: FieldErrors } | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const expiry = String(data.get("expiry"));
    const input = {
      role: data.get("role") === "comment" ? ("comment" as const) : ("view" as const),
      expiresInDays: expiry === "never" ? ("never" as const) : Number(expiry),
      password: String(data.get("password") ?? "") || undefined,
      label: String(data.get("label") ?? "") || undefined,
    };
    startTransition(async () => {
      const result = await createShareLinkAction(docId, input);
      if (!result.ok) return setError({ message: result.message, fieldErrors: result.fieldErrors });
      setError(null);
      await onCreated(result.data);
    });
  };

  return (
    <form onSubmit={submit} className="grid min-w-0 gap-3 rounded-md bg-slate-50 p-3 sm:p-4 [&>*]:min-w-0" noValidate aria-label="New share link">
      <div className="grid gap-3 sm:grid-cols-2 [&>*]:min-w-0">
        <Field label="Anyone with the link">
          <Select name="role" defaultValue="view">
            <option value="view">Can view</option>
            <option value="comment">Can comment</option>
          </Select>
        </Field>
        <Field label="Expires">
          <Select name="expiry" defaultValue={String(DEFAULT_EXPIRY_DAYS)}>
            {SHARE_EXPIRY_CHOICES.map((d) => (
              <option key={d} value={d}>
                In {d} days
              </option>
            ))}
            <option value="never">Never</option>
          </Select>
        </Field>
        <Field label="Password (optional)" hint={`At least ${SHARE_PASSWORD_MIN} characters. Send it separately from the link.`} error={error?.fieldErrors?.password}>
          <Input name="password" type="password" autoComplete="new-password" />
        </Field>
        <Field label="Label (optional)" hint="Who it is for, e.g. “Security review, Acme”." error={error?.fieldErrors?.label}>
          <Input name="label" maxLength={80} autoComplete="off" />
        </Field>
      </div>
      {error && !error.fieldErrors?.password && !error.fieldErrors?.label && <Alert variant="danger">{error.message}</Alert>}
      <div>
        <Button type="submit" loading={pending}>
          Create link
        </Button>
      </div>
    </form>
  );
}

/** The new link's URL: the only time it is ever shown. */
export function CreatedLinkNotice({ created, onDone }: { created: CreatedShareLinkDTO; onDone: () => void }) {
  return (
    <div className="grid min-w-0 gap-3 rounded-md border border-green-200 bg-green-50 p-3 sm:p-4 [&>*]:min-w-0" role="status">
      <p className="font-semibold text-green-900">Link created</p>
      <div className="flex gap-2">
        <Input readOnly value={created.url} aria-label="New share link" className="min-w-0 flex-1 bg-white font-mono text-xs sm:text-xs" onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={created.url} label="Copy" variant="primary" />
      </div>
      <p className="flex gap-2 text-amber-900">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <span>Copy it now: this link will not be shown again. Only a fingerprint of it is stored, so a lost link cannot be recovered — revoke it and create a new one.</span>
      </p>
      <div>
        <Button variant="secondary" size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
