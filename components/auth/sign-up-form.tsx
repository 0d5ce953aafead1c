"use client";

import Link from "next/link";
import { useActionState } from "react";
import { MailCheck } from "lucide-react";
import { signUpAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/limits";

export function SignUpForm({ invitation, email }: { invitation?: string; email?: string }) {
  const [state, action, pending] = useActionState(signUpAction, null);
  const error = state && !state.ok ? state : null;
  // The same answer for every address (lib/auth/sign-up-request.ts): the mailbox says the rest.
  if (state?.ok)
    return (
      <div className="grid gap-4" data-testid="sign-up-sent">
        <div className="flex items-start gap-3">
          <MailCheck aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-600" />
          <div className="grid gap-1 text-sm text-slate-700">
            <p className="font-medium text-slate-900">Check your email</p>
            <p>
              We sent a message to <strong className="break-all">{state.data.email}</strong>. Open the link in it to
              finish creating your account; it works for 24 hours.
            </p>
            {!state.data.mailConfigured && (
              <p>Email is not set up on this server: ask its administrator for the link (it is in the server log).</p>
            )}
          </div>
        </div>
        <p className="text-sm text-slate-600">
          Nothing arrived after a few minutes? Look in your spam folder, or{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/sign-up">
            sign up again
          </Link>
          .
        </p>
      </div>
    );
  return (
    <form action={action} className="grid gap-4" noValidate>
      {error && !error.fieldErrors && <Alert variant="danger">{error.message}</Alert>}
      {invitation && <input type="hidden" name="invitation" value={invitation} />}
      <Field label="Name" error={error?.fieldErrors?.name}>
        <Input name="name" autoComplete="name" required maxLength={100} autoFocus defaultValue={error?.values?.name} />
      </Field>
      <Field label="Work email" error={error?.fieldErrors?.email}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={error?.values?.email ?? email}
          readOnly={!!email && !!invitation}
        />
      </Field>
      <Field
        label="Password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
        error={error?.fieldErrors?.password}
      >
        <Input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
        />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Create account
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="font-medium text-brand-700 hover:underline" href="/sign-in">
          Sign in
        </Link>
      </p>
    </form>
  );
}
