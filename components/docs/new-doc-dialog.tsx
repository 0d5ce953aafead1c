"use client";

import { useActionState } from "react";
import { FilePlus } from "lucide-react";
import { createDocAction } from "@/app/(app)/w/[workspace]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TemplateSummaryDTO } from "@/lib/templates/queries";
import { TITLE_MAX } from "@/lib/docs/limits";

export function NewDocDialog({ workspaceId, templates }: { workspaceId: string; templates: TemplateSummaryDTO[] }) {
  const [state, action, pending] = useActionState(createDocAction.bind(null, workspaceId), null);
  const error = state && !state.ok ? state : null;
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button>
          <FilePlus aria-hidden="true" /> New design doc
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New design doc</DialogTitle>
          <DialogDescription>
            Every section of the template becomes its own block, with guidance while it is empty.
          </DialogDescription>
        </DialogHeader>
        <form action={action} className="grid gap-4" noValidate>
          {error && !error.fieldErrors && <Alert variant="danger">{error.message}</Alert>}
          <Field
            label="Title"
            error={error?.fieldErrors?.title}
            hint="What is being designed, e.g. “Payments service v2”."
          >
            <Input name="title" required maxLength={TITLE_MAX} autoFocus defaultValue={error?.values?.title} />
          </Field>
          <Field label="Template" error={error?.fieldErrors?.templateId}>
            <Select name="templateId" defaultValue={templates[0]?.id}>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.sectionCount} sections{t.builtIn ? ", built-in" : ""})
                </option>
              ))}
            </Select>
          </Field>
          <DialogFooter>
            <Button type="submit" loading={pending}>
              Create doc
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
