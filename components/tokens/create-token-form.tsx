"use client";

import { createApiTokenAction } from "@/app/(app)/w/[workspace]/settings/tokens/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ShownOnceNotice } from "@/components/ui/shown-once-notice";
import { useCreateForm } from "@/components/ui/use-create-form";
import { DEFAULT_TOKEN_EXPIRY_DAYS, SCOPE_LABELS, TOKEN_EXPIRY_CHOICES, TOKEN_SCOPES } from "@/lib/tokens/scopes";

export function CreateTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const { pending, error, onSubmit } = useCreateForm(
    (data) => {
      const expiry = String(data.get("expiry"));
      return {
        name: String(data.get("name") ?? ""),
        expiresInDays: expiry === "never" ? "never" : Number(expiry),
        scopes: data.getAll("scopes").map(String),
      };
    },
    createApiTokenAction,
    (created, form) => {
      form.reset();
      onCreated(created.token);
    },
  );

  return (
    <form
      onSubmit={onSubmit}
      className="grid min-w-0 gap-4 text-sm [&>*]:min-w-0"
      noValidate
      aria-label="New API token"
    >
      <div className="grid items-start gap-3 sm:grid-cols-2 [&>*]:min-w-0">
        <Field label="Name" hint="What uses it, e.g. “CI pipeline”." error={error?.fieldErrors?.name}>
          <Input name="name" maxLength={80} autoComplete="off" required />
        </Field>
        <Field label="Expires" error={error?.fieldErrors?.expiresInDays}>
          <Select name="expiry" defaultValue={String(DEFAULT_TOKEN_EXPIRY_DAYS)}>
            {TOKEN_EXPIRY_CHOICES.map((d) => (
              <option key={d} value={d}>
                In {d} days
              </option>
            ))}
            <option value="never">Never</option>
          </Select>
        </Field>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 font-medium text-slate-900">Scopes</legend>
        {TOKEN_SCOPES.map((scope) => (
          <label key={scope} className="flex items-start gap-2">
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              defaultChecked={scope === "read"}
              className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
            />
            <span>
              <span className="font-medium text-slate-900">{SCOPE_LABELS[scope].label}</span>
              <span className="block text-slate-600">{SCOPE_LABELS[scope].help}</span>
            </span>
          </label>
        ))}
        {error?.fieldErrors?.scopes && <p className="text-red-700">{error.fieldErrors.scopes[0]}</p>}
      </fieldset>
      {error && !error.fieldErrors && <Alert variant="danger">{error.message}</Alert>}
      <div>
        <Button type="submit" loading={pending}>
          Create token
        </Button>
      </div>
    </form>
  );
}

/** The new token: the only time it is ever shown. */
export function CreatedTokenNotice({ token, onDone }: { token: string; onDone: () => void }) {
  return (
    <ShownOnceNotice
      title="Token created"
      value={token}
      label="New API token"
      warning={
        <>
          Copy it now: it will not be shown again. Only a fingerprint of it is stored, so a lost token cannot be
          recovered — revoke it and create a new one.
        </>
      }
      onDone={onDone}
    />
  );
}
