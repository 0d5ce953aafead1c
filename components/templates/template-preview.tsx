import { Badge } from "@/components/ui/badge";
import type { TemplateEditorDTO } from "@/lib/templates/queries";

/** A template's sections as writers will meet them, for those who may not change it. */
export function TemplatePreview({ template }: { template: TemplateEditorDTO }) {
  return (
    <ol className="grid gap-3">
      {template.sections.map((s, index) => (
        <li key={s.key} className="rounded-md border border-slate-200 bg-white p-4 shadow-xs sm:p-5">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Section {index + 1}</p>
          <h2 className="mt-1 flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
            {s.title}
            {s.required && <Badge variant="warning">Required</Badge>}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{s.guidance || <span className="italic">No guidance.</span>}</p>
          {s.hasOutline && <p className="mt-2 text-xs text-slate-500">Comes with an outline writers can insert.</p>}
        </li>
      ))}
    </ol>
  );
}
