"use client";

import { Plus } from "lucide-react";
import { useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import type { AddSection as AddSectionForm, SectionActions } from "./extra-section-controls";

type Form = typeof AddSectionForm;

let loading: Promise<Form> | null = null;
const load = () =>
  (loading ??= import("./extra-section-controls").then(
    (m) => m.AddSection,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  ));

/**
 * "Add a section" as the page renders it: the same button, with the form and the section controls' code
 * (./extra-section-controls.tsx) fetched on hover, focus or the click itself rather than with the page.
 */
export function AddSection({ docId, actions }: { docId: string; actions: SectionActions }) {
  const [Loaded, setLoaded] = useState<{ Form: Form; open: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const warm = () => void load().catch(() => undefined);
  const open = () => {
    setBusy(true);
    setFailed(false);
    load().then(
      (Form) => setLoaded({ Form, open: true }),
      () => {
        setBusy(false);
        setFailed(true);
      },
    );
  };
  if (Loaded) {
    const props: ComponentProps<Form> = { docId, actions, initiallyOpen: Loaded.open };
    return <Loaded.Form {...props} />;
  }
  return (
    <div className="border-t border-dashed border-slate-200 pt-4">
      <Button variant="secondary" size="sm" loading={busy} onPointerEnter={warm} onFocus={warm} onClick={open}>
        {!busy && <Plus aria-hidden="true" />} Add a section
      </Button>
      {failed && (
        <p role="alert" className="mt-2 text-xs font-medium text-red-700">
          Check your connection and try again.
        </p>
      )}
    </div>
  );
}
