"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { ArrowDown, ArrowUp, PencilLine, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/action";

export type SectionActions = {
  add: (docId: string, input: { title: string }) => Promise<ActionResult<{ key: string }>>;
  rename: (docId: string, key: string, input: { title: string }) => Promise<ActionResult>;
  move: (docId: string, key: string, direction: "up" | "down") => Promise<ActionResult>;
  remove: (docId: string, key: string) => Promise<ActionResult>;
};

/** Run a section action; on success the page is read again (new order, title or section). */
function useSectionAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<ActionResult<unknown>>, done?: () => void) =>
    start(async () => {
      const result = await work();
      if (!result.ok) return setError(result.message);
      setError(null);
      done?.();
      router.refresh();
    });
  return { pending, error, run };
}

function TitleForm({
  label,
  initial,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (title: string) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(title);
  };
  return (
    <form className="flex w-full flex-wrap items-center gap-2" onSubmit={submit}>
      <Input
        aria-label={label}
        value={title}
        maxLength={200}
        autoFocus
        className="max-w-sm min-w-0 flex-1"
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onCancel()}
      />
      <Button type="submit" size="sm" loading={pending}>
        {submitLabel}
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}

/** Rename, move and remove a section of the doc's own (template sections have none of these). */
export function ExtraSectionControls({
  docId,
  section,
  actions,
}: {
  docId: string;
  section: { key: string; title: string };
  actions: SectionActions;
}) {
  const [mode, setMode] = useState<"idle" | "rename" | "remove">("idle");
  // Server-rendered: a click before hydration would fall into a button with no handler (the e2e lost one).
  const ready = useHydrated();
  const { pending, error, run } = useSectionAction();
  const label = (verb: string) => `${verb} section ${section.title}`;
  return (
    <div className="extra-section-controls flex w-full flex-wrap items-center gap-1 text-sm" data-mode={mode}>
      {mode === "rename" ? (
        <TitleForm
          label="Section title"
          initial={section.title}
          submitLabel="Rename"
          pending={pending}
          onCancel={() => setMode("idle")}
          onSubmit={(title) =>
            run(
              () => actions.rename(docId, section.key, { title }),
              () => setMode("idle"),
            )
          }
        />
      ) : mode === "remove" ? (
        <div role="group" aria-label="Confirm removal" className="flex flex-wrap items-center gap-2">
          <span className="text-slate-700">Remove “{section.title}” and its text?</span>
          <Button
            size="sm"
            variant="danger"
            loading={pending}
            onClick={() => run(() => actions.remove(docId, section.key))}
          >
            Remove section
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>
            Keep it
          </Button>
        </div>
      ) : (
        <>
          <span className="mr-1 text-xs text-slate-500">Section of this doc</span>
          <Button
            size="sm"
            variant="ghost"
            aria-label={label("Rename")}
            disabled={!ready}
            onClick={() => setMode("rename")}
          >
            <PencilLine aria-hidden="true" /> Rename
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={label("Move up")}
            disabled={pending || !ready}
            onClick={() => run(() => actions.move(docId, section.key, "up"))}
          >
            <ArrowUp aria-hidden="true" />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={label("Move down")}
            disabled={pending || !ready}
            onClick={() => run(() => actions.move(docId, section.key, "down"))}
          >
            <ArrowDown aria-hidden="true" />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={label("Remove")}
            disabled={!ready}
            onClick={() => setMode("remove")}
          >
            <Trash2 aria-hidden="true" />
          </Button>
        </>
      )}
      {error && (
        <p role="alert" className="w-full text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** "Add a section" below the last one: a section of this doc's own, beyond its template. */
export function AddSection({
  docId,
  actions,
  initiallyOpen = false,
}: {
  docId: string;
  actions: SectionActions;
  /** Opened by a click on the stand-in button (./lazy-add-section.tsx) before this code had arrived. */
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const { pending, error, run } = useSectionAction();
  return (
    <div className="border-t border-dashed border-slate-200 pt-4">
      {open ? (
        <TitleForm
          label="New section title"
          initial=""
          submitLabel="Add section"
          pending={pending}
          onCancel={() => setOpen(false)}
          onSubmit={(title) =>
            run(
              () => actions.add(docId, { title }),
              () => setOpen(false),
            )
          }
        />
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
          <Plus aria-hidden="true" /> Add a section
        </Button>
      )}
      {error && (
        <p role="alert" className="mt-2 text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
