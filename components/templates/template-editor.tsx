"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Plus } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { toast } from "@/components/ui/toaster";
import { createTemplateAction, updateTemplateAction } from "@/app/(app)/w/[workspace]/templates/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { TemplateEditorDTO } from "@/lib/templates/queries";
import {
  blankRow,
  errorsFrom,
  MAX_SECTIONS,
  moveItem,
  NO_ERRORS,
  snapshot,
  toInput,
  valuesFrom,
  type EditorErrors,
  type EditorRow,
} from "./editor-state";
import { SectionFields } from "./section-fields";
import { useUnsavedChangesWarning } from "./use-unsaved-changes";

type Props = { workspaceId: string; workspaceSlug: string; template: TemplateEditorDTO | null };
/** Where focus goes after the list changes: into a row (its title or a move button), or to "Add section". */
type FocusTarget = { rowId: string; selector: string } | "add" | null;

export function TemplateEditor({ workspaceId, workspaceSlug, template }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(() => valuesFrom(template));
  const [saved, setSaved] = useState(() => snapshot(valuesFrom(template)));
  const [baseUpdatedAt, setBaseUpdatedAt] = useState(template?.updatedAt ?? "");
  const [errors, setErrors] = useState<EditorErrors>(NO_ERRORS);
  const [pending, startTransition] = useTransition();
  // Set by a list change, used once after the next render.
  const focusRef = useRef<FocusTarget>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = snapshot(values) !== saved;
  useUnsavedChangesWarning(dirty);

  useEffect(() => {
    const target = focusRef.current;
    focusRef.current = null;
    if (target === "add") addRef.current?.focus();
    else if (target) {
      const row = listRef.current?.querySelector(`[data-row="${target.rowId}"]`);
      // A row moved to either end has that move button disabled: its other one takes focus.
      const candidates = [target.selector, "[data-move]", '[data-field="title"]'].map((sel) =>
        row?.querySelector<HTMLElement>(`${sel}:not(:disabled)`),
      );
      candidates.find(Boolean)?.focus();
    }
  });

  const setRows = (update: (rows: EditorRow[]) => EditorRow[]) => setValues((v) => ({ ...v, rows: update(v.rows) }));
  const patchRow = (id: string, patch: Partial<EditorRow>) => {
    setRows((rows) => rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
    // A row's message is about what it said then; once edited, it no longer applies.
    if (errors.rows[id]) setErrors((e) => ({ ...e, rows: { ...e.rows, [id]: {} } }));
  };
  const move = (index: number, direction: -1 | 1) => {
    const row = values.rows[index]!;
    setRows((rows) => moveItem(rows, index, index + direction));
    focusRef.current = { rowId: row.id, selector: `[data-move="${direction < 0 ? "up" : "down"}"]` };
  };
  const remove = (index: number) => {
    const neighbour = values.rows[index + 1] ?? values.rows[index - 1];
    setRows((rows) => rows.filter((_, i) => i !== index));
    focusRef.current = neighbour ? { rowId: neighbour.id, selector: '[data-field="title"]' } : "add";
  };
  const add = () => {
    const row = blankRow();
    setRows((rows) => [...rows, row]);
    focusRef.current = { rowId: row.id, selector: '[data-field="title"]' };
  };

  const failed = (result: { message: string; fieldErrors?: Record<string, string[]> }, submitted: EditorRow[]) => {
    setErrors(errorsFrom(result, submitted));
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
  };
  const save = () => {
    const submitted = values.rows;
    startTransition(async () => {
      if (!template) {
        const result = await createTemplateAction(workspaceId, toInput(values));
        if (!result.ok) return failed(result, submitted);
        setSaved(snapshot(values));
        toast.success("Template created. It is in the new-doc dialog now.");
        return router.replace(`/w/${workspaceSlug}/templates/${result.data.id}`);
      }
      const result = await updateTemplateAction(workspaceId, template.id, toInput(values), baseUpdatedAt);
      if (!result.ok) return failed(result, submitted);
      const fresh = valuesFrom(result.data);
      setErrors(NO_ERRORS);
      setValues(fresh);
      setSaved(snapshot(fresh));
      setBaseUpdatedAt(result.data.updatedAt);
      toast.success("Template saved. New docs use it from now on.");
    });
  };

  const requiredCount = values.rows.filter((r) => r.required).length;
  return (
    <form
      ref={formRef}
      noValidate
      className="grid gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Card>
        <CardHeader>
          <CardTitle as="h2">Details</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Field label="Name" error={errors.name} hint="Shown in the new-doc dialog.">
            <Input
              value={values.name}
              onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
              required
              maxLength={100}
              autoFocus={!template}
            />
          </Field>
          <Field label="Description" error={errors.description}>
            <Textarea
              value={values.description}
              onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
              rows={2}
              maxLength={500}
            />
          </Field>
        </CardContent>
      </Card>

      <section aria-labelledby="sections-heading" className="grid gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="sections-heading" className="text-base font-semibold text-slate-900">
            Sections
          </h2>
          <p className="text-sm text-slate-600">
            {values.rows.length} of at most {MAX_SECTIONS} · {requiredCount} required
          </p>
        </div>
        {errors.sections && (
          <p role="alert" className="text-sm text-red-700">
            {errors.sections.join(" ")}
          </p>
        )}
        <ol ref={listRef} className="grid gap-3">
          {values.rows.map((row, index) => (
            <li key={row.id}>
              <SectionFields
                row={row}
                index={index}
                count={values.rows.length}
                errors={errors.rows[row.id]}
                disabled={pending}
                onChange={(patch) => patchRow(row.id, patch)}
                onMove={(direction) => move(index, direction)}
                onRemove={() => remove(index)}
              />
            </li>
          ))}
        </ol>
        <div>
          <Button
            ref={addRef}
            variant="secondary"
            onClick={add}
            disabled={pending || values.rows.length >= MAX_SECTIONS}
          >
            <Plus aria-hidden="true" /> Add section
          </Button>
        </div>
      </section>

      <div
        className={cn(
          "sticky bottom-0 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200",
          "bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6",
        )}
      >
        <p role="status" className="min-w-0 flex-1 text-sm text-slate-600">
          {errors.form ? (
            <span className="text-red-700">{errors.form}</span>
          ) : pending ? (
            "Saving…"
          ) : dirty ? (
            "Unsaved changes"
          ) : template ? (
            "All changes saved"
          ) : (
            ""
          )}
        </p>
        <Button asChild variant="ghost">
          <Link href={`/w/${workspaceSlug}/templates`}>{dirty ? "Cancel" : "Back to templates"}</Link>
        </Button>
        <Button type="submit" loading={pending}>
          {template ? "Save template" : "Create template"}
        </Button>
      </div>
    </form>
  );
}
