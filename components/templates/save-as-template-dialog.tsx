"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toaster";
import { saveDocAsTemplateAction } from "@/app/(app)/docs/[slug]/actions";
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
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Props = { docId: string; open: boolean; onOpenChange: (open: boolean) => void };

/** Opened from the doc's "More" menu, so it is controlled by that menu's owner. */
export function SaveAsTemplateDialog({ docId, open, onOpenChange }: Props) {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; name?: string[] } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setError(null);
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Save as template</DialogTitle>
          <DialogDescription>
            This doc’s sections — titles, order, guidance and required flags — become a new template for the workspace.
            What is written in them stays here.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get("name") ?? "");
            startTransition(async () => {
              const result = await saveDocAsTemplateAction(docId, { name });
              if (!result.ok) return setError({ message: result.message, name: result.fieldErrors?.name });
              onOpenChange(false);
              const href = `/w/${result.data.workspaceSlug}/templates/${result.data.id}`;
              toast.success(`Template “${name.trim()}” saved.`, {
                action: { label: "Open", onClick: () => router.push(href) },
              });
            });
          }}
        >
          {error && !error.name && <Alert variant="danger">{error.message}</Alert>}
          <Field label="Template name" error={error?.name}>
            <Input
              name="name"
              required
              maxLength={100}
              autoFocus
              autoComplete="off"
              placeholder="e.g. Service design"
            />
          </Field>
          <DialogFooter>
            <Button type="submit" loading={pending}>
              Save template
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
