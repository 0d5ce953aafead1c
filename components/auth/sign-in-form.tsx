"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function SignInForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const error = state && !state.ok ? state : null;
  return (
    <form action={action} className="grid gap-4" noValidate>
      {error && !error.fieldErrors && (
        <Alert variant="danger" title={error.code === "RATE_LIMITED" ? "Too many attempts" : "Could not sign in"}>
          {error.message}
        </Alert>
      )}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field label="Email" error={error?.fieldErrors?.email}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={error?.values?.email ?? email}
          autoFocus
        />
      </Field>
      <Field label="Password" error={error?.fieldErrors?.password}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Sign in
      </Button>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link
          className="font-medium text-brand-700 hover:underline"
          href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
