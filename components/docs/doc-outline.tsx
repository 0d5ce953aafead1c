import { cn } from "@/components/ui/cn";
import type { SectionDTO } from "@/lib/docs/dto";

/** The sticky table of contents: every section, with a hollow marker while it is empty. */
export function DocOutline({
  sections,
  className,
}: {
  sections: Pick<SectionDTO, "key" | "title" | "isEmpty" | "required">[];
  className?: string;
}) {
  const filled = sections.filter((s) => !s.isEmpty).length;
  return (
    <nav aria-label="Sections" className={cn("text-sm", className)}>
      <p className="mb-2 flex items-baseline justify-between gap-2 font-medium text-slate-900">
        Contents
        <span className="text-xs font-normal text-slate-600">
          {filled}/{sections.length} written
        </span>
      </p>
      {/* One column that never grows past the sidebar (an auto track would widen to the longest title). */}
      <ol className="grid grid-cols-1 gap-0.5" data-testid="outline">
        {sections.map((s) => (
          <li key={s.key}>
            <a
              href={`#${s.key}`}
              className={cn(
                "group flex items-center gap-2 rounded-md px-2 py-1",
                "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
              )}
              data-empty={s.isEmpty || undefined}
              title={s.title}
            >
              <span
                aria-hidden="true"
                className={cn(
                  "size-2 shrink-0 rounded-full border",
                  s.isEmpty ? "border-slate-400 bg-white" : "border-brand-600 bg-brand-600",
                )}
              />
              <span className="min-w-0 flex-1 truncate">{s.title}</span>
              {s.isEmpty && <span className="sr-only">(empty)</span>}
              {s.required && s.isEmpty && (
                <span className="text-xs text-amber-800" title="Required by the template">
                  required
                </span>
              )}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
