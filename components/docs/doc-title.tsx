"use client";

import { useState, useTransition } from "react";
import { Pencil } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { renameDocAction } from "@/app/(app)/docs/[slug]/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TITLE_MAX } from "@/lib/docs/limits";

/** The doc title; editors rename it in place (Enter saves, Escape cancels). */
export function DocTitle({ docId, title, editable }: { docId: string; title: string; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(title);
  const [shown, setShown] = useState(title);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const save = () =>
    startTransition(async () => {
      const result = await renameDocAction(docId, value);
      if (result.ok) {
        setShown(result.data.title);
        setEditing(false);
        setError(null);
        toast.success("Title saved");
      } else setError(result.message);
    });

  if (!editing) {
    return (
      <div className="flex items-start gap-2">
        <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl">{shown}</h1>
        {editable && (
          <Button variant="ghost" size="icon" aria-label="Rename doc" onClick={() => setEditing(true)} className="mt-0.5 shrink-0">
            <Pencil aria-hidden="true" />
          </Button>
        )}
      </div>
    );
  }
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
          onKeyDown={(e) => e.key === "Escape" && (setEditing(false), setValue(shown), setError(null))}
          aria-invalid={!!error || undefined}
          className="min-w-0 flex-1 text-lg font-semibold"
        />
        <Button type="submit" loading={pending}>
          Save
        </Button>
        <Button variant="ghost" onClick={() => (setEditing(false), setValue(shown), setError(null))}>
          Cancel
        </Button>
      </div>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </form>
  );
}
