"use client";

import { useState, useTransition, type FormEvent } from "react";
type FieldErrors = Record<string, string[]>;
type Outcome<R> = { ok: true; data: R } | { ok: false; message: string; fieldErrors?: FieldErrors };

/**
 * The submit of a "create" form (API token, webhook, share link): read the form into the action's input, run the
 * action in a transition, keep its error for the fields, and hand what was created to `onCreated`.
 */
export function useCreateForm<I, R>(
  read: (data: FormData) => I,
  run: (input: I) => Promise<Outcome<R>>,
  onCreated: (created: R, form: HTMLFormElement) => void | Promise<void>,
) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; fieldErrors?: FieldErrors } | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = read(new FormData(form));
    startTransition(async () => {
      const result = await run(input);
      if (!result.ok) return setError({ message: result.message, fieldErrors: result.fieldErrors });
      setError(null);
      await onCreated(result.data, form);
    });
  };
  return { pending, error, onSubmit };
}
