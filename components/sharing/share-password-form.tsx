"use client";

import { useActionState } from "react";
import { LockKeyhole } from "lucide-react";
import { unlockShareLinkAction } from "@/app/s/[token]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The page a password-protected share link shows until the right password is given. */
export function SharePasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(unlockShareLinkAction.bind(null, token), null);
  const error = state && !state.ok ? state : null;
  return (
    <div className="flex min-h-dvh flex-col items-center bg-slate-50 px-4 py-10 sm:py-20">
      <p className="mb-8 inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900">
        <span
          aria-hidden="true"
          className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
        >
          DR
        </span>
        Design Review
      </p>
      <main className="w-full max-w-sm">
        <Card>
          <CardHeader>
            <span
              aria-hidden="true"
              className="mb-2 grid size-10 place-items-center rounded-full bg-brand-50 text-brand-700"
            >
              <LockKeyhole className="size-5" />
            </span>
            <CardTitle as="h1" className="text-lg">
              This doc is password-protected
            </CardTitle>
            <CardDescription>Enter the password you were given with the link.</CardDescription>
          </CardHeader>
          <CardContent>
            <form action={action} className="grid gap-4" noValidate>
              {error && !error.fieldErrors && (
                <Alert variant="danger" title={error.code === "RATE_LIMITED" ? "Too many attempts" : "Wrong password"}>
                  {error.message}
                </Alert>
              )}
              <Field label="Password" error={error?.fieldErrors?.password}>
                <Input name="password" type="password" autoComplete="off" required autoFocus />
              </Field>
              <Button type="submit" loading={pending} className="w-full">
                Open doc
              </Button>
            </form>
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
