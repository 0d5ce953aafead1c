"use client";

import { createShareLinkAction } from "@/app/(app)/docs/[slug]/share-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ShownOnceNotice } from "@/components/ui/shown-once-notice";
import { useCreateForm } from "@/components/ui/use-create-form";
import type { CreatedShareLinkDTO } from "@/lib/sharing/dto";
import { DEFAULT_EXPIRY_DAYS, SHARE_EXPIRY_CHOICES, SHARE_PASSWORD_MIN } from "@/lib/sharing/limits";

export function CreateShareLinkForm({
  docId,
  onCreated,
}: {
  docId: string;
  onCreated: (created: CreatedShareLinkDTO) => Promise<void>;
}) {
  const { pending, error, onSubmit } = useCreateForm(
    (data) => {
      const expiry = String(data.get("expiry"));
      return {
        role: data.get("role") === "comment" ? ("comment" as const) : ("view" as const),
        expiresInDays: expiry === "never" ? ("never" as const) : Number(expiry),
        password: String(data.get("password") ?? "") || undefined,
        label: String(data.get("label") ?? "") || undefined,
      };
    },
    (input) => createShareLinkAction(docId, input),
    (created) => onCreated(created),
  );

  return (
    <form
      onSubmit={onSubmit}
      className="grid min-w-0 gap-3 rounded-md bg-slate-50 p-3 sm:p-4 [&>*]:min-w-0"
      noValidate
      aria-label="New share link"
    >
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
        <Field
          label="Password (optional)"
          hint={`At least ${SHARE_PASSWORD_MIN} characters. Send it separately from the link.`}
          error={error?.fieldErrors?.password}
        >
          <Input name="password" type="password" autoComplete="new-password" />
        </Field>
        <Field
          label="Label (optional)"
          hint="Who it is for, e.g. “Security review, Acme”."
          error={error?.fieldErrors?.label}
        >
          <Input name="label" maxLength={80} autoComplete="off" />
        </Field>
      </div>
      {error && !error.fieldErrors?.password && !error.fieldErrors?.label && (
        <Alert variant="danger">{error.message}</Alert>
      )}
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
    <ShownOnceNotice
      title="Link created"
      value={created.url}
      label="New share link"
      warning={
        <>
          Copy it now: this link will not be shown again. Only a fingerprint of it is stored, so a lost link cannot be
          recovered — revoke it and create a new one.
        </>
      }
      onDone={onDone}
    />
  );
}
