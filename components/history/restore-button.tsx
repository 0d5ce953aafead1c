"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { previewRestoreAction, restoreAction } from "@/app/(app)/docs/[slug]/history-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import type { RestoreChange } from "@/lib/docs/content/restore-plan";

type Preview = { changes: RestoreChange[]; reorders: boolean };

const WHAT: Record<RestoreChange["change"], string> = {
  content: "its text goes back to then",
  added: "comes back (it was removed since)",
  removed: "is removed (it was added since)",
  kept: "stays: it was added since, but has open comment threads",
  renamed: "gets its title of then back",
};

function ChangeList({ preview }: { preview: Preview }) {
  const changing = preview.changes.filter((c) => c.change !== "kept").length;
  if (changing === 0 && !preview.reorders)
    return <p data-testid="restore-nothing">Nothing to change: the doc already matches this point.</p>;
  return (
    <div className="grid gap-2">
      <ul className="grid max-h-72 gap-1 overflow-y-auto" data-testid="restore-changes">
        {preview.changes.map((c) => (
          <li key={`${c.change}-${c.key}`} data-change={c.change} className="leading-snug">
            <span className="font-medium text-slate-900">{c.title}</span>{" "}
            <span className="text-slate-600">
              {c.change === "renamed" && c.from ? `(now “${c.from}”) ` : ""}
              {WHAT[c.change]}
            </span>
          </li>
        ))}
      </ul>
      {preview.reorders && <p className="text-slate-600">Sections go back to the order they had then.</p>}
    </div>
  );
}

/**
 * Restore one section (or the whole doc, with no `sectionKey`) to a point in history. A dialog first lists every
 * section that will change (the server's plan: lib/docs/content/restore-plan.ts), then the restore opens the doc,
 * where the restored text is the new current version.
 */
export function RestoreButton({
  docId,
  slug,
  seq,
  sectionKey,
  label,
}: {
  docId: string;
  slug: string;
  seq: number;
  sectionKey?: string;
  label: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [pending, startRestore] = useTransition();
  const input = { sections: sectionKey ? [sectionKey] : [] };

  const show = () => {
    setOpen(true);
    setPreview(null);
    setError(null);
    startLoading(async () => {
      const result = await previewRestoreAction(docId, String(seq), input);
      if (result.ok) setPreview(result.data);
      else setError(result.message);
    });
  };
  const restore = () =>
    startRestore(async () => {
      const result = await restoreAction(docId, String(seq), input);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      router.push(`/docs/${slug}${sectionKey ? `#${sectionKey}` : ""}`);
    });
  const changing = preview ? preview.changes.filter((c) => c.change !== "kept").length : 0;

  return (
    <>
      <Button size="sm" variant="secondary" onClick={show} data-testid="restore">
        {label}
      </Button>
      <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{sectionKey ? "Restore this section?" : "Restore the whole doc?"}</DialogTitle>
            <DialogDescription>
              To point {seq} in its history. Each change becomes a new version: nothing is lost, and the history keeps
              what the doc says now.
            </DialogDescription>
          </DialogHeader>
          {loading && (
            <p className="flex items-center gap-2 text-slate-600">
              <Spinner size="sm" label="Working out what changes…" /> Working out what changes…
            </p>
          )}
          {preview && <ChangeList preview={preview} />}
          {error && <Alert variant="danger">{error}</Alert>}
          <DialogFooter>
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button
              variant="primary"
              loading={pending}
              disabled={!preview || (changing === 0 && !preview.reorders)}
              onClick={restore}
              data-testid="confirm-restore"
            >
              {changing > 1 ? `Restore ${changing} sections` : "Restore"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
