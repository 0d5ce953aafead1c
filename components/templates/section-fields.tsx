"use client";

import { useId } from "react";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { EditorRow, RowErrors } from "./editor-state";

type Props = {
  row: EditorRow;
  index: number;
  count: number;
  errors?: RowErrors;
  disabled: boolean;
  onChange: (patch: Partial<EditorRow>) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
};

/** One section of the template editor: title, guidance, required, and its place in the list. */
export function SectionFields({ row, index, count, errors, disabled, onChange, onMove, onRemove }: Props) {
  const requiredId = useId();
  const name = row.title.trim() || `section ${index + 1}`;
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 shadow-xs sm:p-5" data-row={row.id}>
      <legend className="sr-only">Section {index + 1}</legend>
      <div className="flex items-center justify-between gap-2">
        <p aria-hidden="true" className="text-xs font-medium tracking-wide text-slate-500 uppercase">
          Section {index + 1}
        </p>
        <div className="-my-1 flex items-center gap-0.5">
          <Button
            variant="ghost"
            size="icon"
            className="size-8"
            data-move="up"
            aria-label={`Move ${name} up`}
            disabled={disabled || index === 0}
            onClick={() => onMove(-1)}
          >
            <ArrowUp aria-hidden="true" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-8"
            data-move="down"
            aria-label={`Move ${name} down`}
            disabled={disabled || index === count - 1}
            onClick={() => onMove(1)}
          >
            <ArrowDown aria-hidden="true" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-8 text-slate-500 hover:text-red-700"
            aria-label={`Remove ${name}`}
            disabled={disabled || count === 1}
            onClick={onRemove}
          >
            <Trash2 aria-hidden="true" />
          </Button>
        </div>
      </div>
      <Field label="Title" error={errors?.title}>
        <Input
          value={row.title}
          onChange={(e) => onChange({ title: e.target.value })}
          required
          maxLength={120}
          data-field="title"
          placeholder="e.g. Data Model"
        />
      </Field>
      <Field
        label="Guidance"
        hint="Shown in the empty section, so writers know what belongs there."
        error={errors?.guidance}
      >
        <Textarea
          value={row.guidance}
          onChange={(e) => onChange({ guidance: e.target.value })}
          rows={2}
          maxLength={2000}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <div className="flex items-center gap-2">
          <input
            id={requiredId}
            type="checkbox"
            className="size-4 rounded border-slate-300 accent-brand-600"
            checked={row.required}
            onChange={(e) => onChange({ required: e.target.checked })}
          />
          <label htmlFor={requiredId} className="text-sm font-medium text-slate-900">
            Required
          </label>
        </div>
        <p className="text-sm text-slate-500">
          {row.required ? "Docs mark it as required until it is written." : "Writers may leave it empty."}
          {row.hasOutline && " Keeps its outline for “Insert outline”."}
        </p>
      </div>
    </fieldset>
  );
}
