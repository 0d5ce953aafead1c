import type { SectionDiffDTO } from "@/lib/reviews/dto";

/**
 * A section's word diff: insertions underlined green, deletions struck red; text says which is which for screen
 * readers.
 */
export function WordDiffView({ diffs }: { diffs: SectionDiffDTO[] }) {
  if (diffs.length === 0)
    return <p className="text-sm text-slate-600">No words changed (only formatting or whitespace).</p>;
  return (
    <div className="grid gap-3" data-testid="stale-diff">
      {diffs.map((d) => (
        <figure key={d.key} className="rounded-md border border-slate-200 bg-white">
          <figcaption className="border-b border-slate-200 px-3 py-1.5 text-xs font-semibold text-slate-700">
            <a href={`#${d.key}`} className="hover:underline">
              {d.title}
            </a>
            {d.before === null && (
              <span className="ml-2 font-normal text-slate-500">changed since you loaded the page</span>
            )}
          </figcaption>
          <p className="max-h-64 overflow-y-auto px-3 py-2 text-sm leading-6 whitespace-pre-wrap text-slate-800">
            {d.parts.map((p, i) =>
              p.kind === "same" ? (
                <span key={i}>{p.text}</span>
              ) : p.kind === "added" ? (
                <ins key={i} className="rounded-sm bg-green-100 text-green-900 underline decoration-green-700/40">
                  <span className="sr-only">[added: </span>
                  {p.text}
                  <span className="sr-only">]</span>
                </ins>
              ) : (
                <del key={i} className="rounded-sm bg-red-50 text-red-800 line-through">
                  <span className="sr-only">[removed: </span>
                  {p.text}
                  <span className="sr-only">]</span>
                </del>
              ),
            )}
          </p>
        </figure>
      ))}
    </div>
  );
}
