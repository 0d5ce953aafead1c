"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { nameVersionAction } from "@/app/(app)/docs/[slug]/history-actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NAMED_VERSION_MAX } from "@/lib/history/limits";

/** Name the doc as it is now ("v1.0 — sent for review"); editors only. */
export function NameVersionForm({ docId }: { docId: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="grid gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await nameVersionAction(docId, { name });
          if (!result.ok) return setError(result.message);
          setError(null);
          setName("");
          router.refresh();
        });
      }}
    >
      <label htmlFor="version-name" className="text-sm font-medium text-slate-900">
        Name the current version
      </label>
      <div className="flex flex-wrap gap-2">
        <Input
          id="version-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="v1.0 — sent for review"
          maxLength={NAMED_VERSION_MAX}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? "version-name-error" : undefined}
          className="min-w-0 flex-1"
        />
        <Button type="submit" variant="secondary" loading={pending}>
          Name version
        </Button>
      </div>
      {error && (
        <p id="version-name-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
