import type { TemplateEditorDTO } from "@/lib/templates/queries";
import type { TSaveTemplate } from "@/lib/templates/schemas";

/**
 * One section in the editor. `id` is the row's identity on screen; `key` is the stored section's, absent until saved.
 */
export type EditorRow = {
  id: string;
  key?: string;
  title: string;
  guidance: string;
  required: boolean;
  hasOutline: boolean;
};

export type EditorValues = { name: string; description: string; rows: EditorRow[] };

export type RowErrors = { title?: string[]; guidance?: string[] };

export type EditorErrors = {
  /** A failure that belongs to no field (conflict, permission, server trouble). */
  form?: string;
  name?: string[];
  description?: string[];
  sections?: string[];
  rows: Record<string, RowErrors>;
};

export const NO_ERRORS: EditorErrors = { rows: {} };
export const MAX_SECTIONS = 40;

let counter = 0;
/** A new row; only the first row of a new template is rendered on the server, so only its id must be fixed. */
export function blankRow(id = `new-${++counter}`): EditorRow {
  return { id, title: "", guidance: "", required: false, hasOutline: false };
}

export function valuesFrom(template: TemplateEditorDTO | null): EditorValues {
  if (!template) return { name: "", description: "", rows: [blankRow("new-0")] };
  return {
    name: template.name,
    description: template.description,
    rows: template.sections.map((s) => ({
      id: `key:${s.key}`,
      key: s.key,
      title: s.title,
      guidance: s.guidance,
      required: s.required,
      hasOutline: s.hasOutline,
    })),
  };
}

/** What the server's ZSaveTemplate reads; also the basis of "unsaved changes". */
export function toInput(values: EditorValues): TSaveTemplate {
  return {
    name: values.name,
    description: values.description,
    sections: values.rows.map((r) => ({ key: r.key, title: r.title, guidance: r.guidance, required: r.required })),
  };
}

export function snapshot(values: EditorValues): string {
  return JSON.stringify(toInput(values));
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Rows whose title another row repeats (case-insensitive, trimmed), for the "same title" error. */
function duplicateTitleIds(rows: readonly EditorRow[]): string[] {
  const byTitle = new Map<string, string[]>();
  for (const r of rows) {
    const title = r.title.trim().toLowerCase();
    if (title) byTitle.set(title, [...(byTitle.get(title) ?? []), r.id]);
  }
  return [...byTitle.values()].filter((ids) => ids.length > 1).flat();
}

/**
 * The server's field errors, placed on the rows as they were when saved: "sections.2.title"
 * belongs to the row that was third at submit time, wherever it has moved since.
 */
export function errorsFrom(
  result: { message: string; fieldErrors?: Record<string, string[]> },
  submitted: readonly EditorRow[],
): EditorErrors {
  const fieldErrors = result.fieldErrors;
  if (!fieldErrors || Object.keys(fieldErrors).length === 0) return { form: result.message, rows: {} };
  const errors: EditorErrors = {
    name: fieldErrors.name,
    description: fieldErrors.description,
    sections: fieldErrors.sections,
    rows: {},
  };
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const match = /^sections\.(\d+)\.(title|guidance)$/.exec(path);
    const row = match ? submitted[Number(match[1])] : undefined;
    if (match && row) (errors.rows[row.id] ??= {})[match[2] as keyof RowErrors] = messages;
  }
  if (errors.sections?.some((m) => /same title/.test(m))) {
    for (const id of duplicateTitleIds(submitted))
      (errors.rows[id] ??= {}).title ??= ["Another section has this title"];
  }
  return errors;
}
