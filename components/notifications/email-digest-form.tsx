"use client";

import { useState, useTransition } from "react";
import { setEmailDigestAction } from "@/app/(app)/inbox/actions";
import { useHydrated } from "@/components/ui/use-hydrated";

type Digest = "IMMEDIATE" | "DAILY";

const CHOICES: { value: Digest; label: string }[] = [
  { value: "IMMEDIATE", label: "As it happens" },
  { value: "DAILY", label: "One daily digest" },
];

/** The person's email preference for notifications; the inbox itself always shows everything at once. */
export function EmailDigestForm({ initial }: { initial: Digest }) {
  const ready = useHydrated();
  const [value, setValue] = useState<Digest>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const choose = (next: Digest) => {
    const before = value;
    setValue(next);
    setError(null);
    startTransition(async () => {
      const result = await setEmailDigestAction(next);
      if (!result.ok) {
        setValue(before);
        setError(result.message);
      }
    });
  };
  return (
    <fieldset
      disabled={!ready || pending}
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700"
      data-testid="email-digest"
    >
      <legend className="float-left mr-2 font-medium text-slate-900">Email me</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className="inline-flex items-center gap-1.5">
          <input
            type="radio"
            name="email-digest"
            className="size-4"
            checked={value === c.value}
            onChange={() => choose(c.value)}
          />
          {c.label}
        </label>
      ))}
      {error && <p className="w-full text-red-700">{error}</p>}
    </fieldset>
  );
}
