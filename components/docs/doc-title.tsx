"use client";

import { useState } from "react";
import { Pencil } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { Button } from "@/components/ui/button";
import { createComponentLoader, useLazyComponent } from "@/components/ui/use-lazy-component";

// The form comes on the first hover, focus or press of the rename button.
const titleForm = createComponentLoader(() => import("./doc-title-form").then((m) => m.DocTitleForm));

/** The doc title; editors rename it in place (Enter saves, Escape cancels). */
export function DocTitle({ docId, title, editable }: { docId: string; title: string; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState(title);
  const { Component: Form, preload } = useLazyComponent(titleForm, editing, () => {
    setEditing(false);
    toast.error("Renaming could not be started. Check your connection and try again.");
  });

  if (editing && Form) {
    return (
      <Form
        docId={docId}
        title={shown}
        onSaved={(saved) => {
          setShown(saved);
          setEditing(false);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <div className="flex items-start gap-2">
      <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl">{shown}</h1>
      {editable && (
        <Button
          variant="ghost"
          size="icon"
          aria-label="Rename doc"
          onClick={() => setEditing(true)}
          onPointerEnter={preload}
          onFocus={preload}
          loading={editing}
          className="mt-0.5 shrink-0"
        >
          <Pencil aria-hidden="true" />
        </Button>
      )}
    </div>
  );
}
