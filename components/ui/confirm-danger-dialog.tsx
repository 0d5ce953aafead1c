"use client";

import { useState, useTransition, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "./dialog";
import { Field } from "./field";
import { Input } from "./input";

/** What the confirm callback answers: nothing when done (it usually navigates away), or why not. */
export type ConfirmOutcome = { message: string; fieldError?: readonly string[] } | void;

export type ConfirmDangerDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** The one field the person fills in to confirm: a name typed again, or their password. */
  field: { name: string; label: string; type?: "text" | "password"; autoComplete?: string; hint?: ReactNode };
  /** When set, the button stays off until the field holds exactly this (surrounding spaces aside). */
  mustMatch?: string;
  actionLabel: string;
  onConfirm: (value: string) => Promise<ConfirmOutcome>;
};

/**
 * A dialog for what cannot be undone (deleting a doc, a workspace, an account): the person confirms by typing
 * something, and the red button only then does it. The server checks the typed value again.
 */
export function ConfirmDangerDialog({
  open,
  onOpenChange,
  title,
  description,
  field,
  mustMatch,
  actionLabel,
  onConfirm,
}: ConfirmDangerDialogProps) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<Exclude<ConfirmOutcome, void> | null>(null);
  const [pending, startTransition] = useTransition();
  const ready = mustMatch === undefined ? value !== "" : value.trim() === mustMatch.trim();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setError(null);
          setValue("");
        }
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription asChild>
            <div className="grid gap-2">{description}</div>
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!ready) return;
            startTransition(async () => {
              const outcome = await onConfirm(value);
              setError(outcome ?? null);
            });
          }}
        >
          {error && !error.fieldError && <Alert variant="danger">{error.message}</Alert>}
          <Field label={field.label} hint={field.hint} error={error?.fieldError}>
            <Input
              name={field.name}
              type={field.type ?? "text"}
              required
              autoFocus
              autoComplete={field.autoComplete ?? "off"}
              spellCheck={false}
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setError(null);
              }}
            />
          </Field>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={!ready} loading={pending}>
              {actionLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
