"use client";

import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toaster";
import { renameDocAction } from "@/app/(app)/docs/[slug]/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TITLE_MAX } from "@/lib/docs/limits";

export type DocTitleFormProps = {
  docId: string;
  title: string;
  onSaved: (title: string) => void;
  onCancel: () => void;
};

/** Renaming in place (Enter saves, Escape cancels); loaded on the first press of "Rename doc" (./doc-title.tsx). */
export function DocTitleForm({ docId, title, onSaved, onCancel }: DocTitleFormProps) {
  const [value, setValue] = useState(title);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const save = () =>
    startTransition(async () => {
      const result = await renameDocAction(docId, value);
      if (result.ok) {
        onSaved(result.data.title);
        toast.success("Title saved");
      } else setError(result.message);
    });

  return (
    <form
      className="grid gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Input
          aria-label="Doc title"
          value={value}
          maxLength={TITLE_MAX + 50}
          autoFocus
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && onCancel()}
          aria-invalid={!!error || undefined}
          className="min-w-0 flex-1 text-lg font-semibold"
        />
        <Button type="submit" loading={pending}>
          Save
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </form>
  );
}
