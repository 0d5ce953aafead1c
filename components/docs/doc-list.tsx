import Link from "next/link";
import { FileText } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { DocListItemDTO } from "@/lib/docs/dto";
import { RelativeTime } from "./relative-time";
import { StatusBadge } from "./status-badge";

/** `«term»` marks from the server's ts_headline become <mark>; everything else stays text. */
function Snippet({ text }: { text: string }) {
  return (
    <>
      {text.split(/(«[^»]*»)/).map((part, i) =>
        part.startsWith("«") ? (
          <mark key={i} className="rounded bg-amber-100 px-0.5 text-slate-900">
            {part.slice(1, -1)}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function DocList({ docs, searching }: { docs: DocListItemDTO[]; searching: boolean }) {
  if (docs.length === 0) {
    return (
      <EmptyState
        className="rounded-lg border border-dashed border-slate-300"
        icon={<FileText />}
        title={searching ? "No docs match" : "No design docs yet"}
        description={
          searching
            ? "Try other words, or clear the filters."
            : "Create the first one from the architecture template, or import a Markdown file."
        }
      />
    );
  }
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="doc-list">
      {docs.map((doc) => (
        <li key={doc.id} className="relative px-4 py-3 hover:bg-slate-50">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link
              href={`/docs/${doc.slug}${doc.match ? `#${doc.match.sectionKey}` : ""}`}
              className="min-w-0 font-medium text-slate-900 after:absolute after:inset-0 hover:underline"
            >
              {doc.title}
            </Link>
            <StatusBadge status={doc.status} />
            {doc.archivedAt && <span className="text-xs text-amber-800">Archived</span>}
            <span className="ml-auto text-xs text-slate-600">
              {doc.filled}/{doc.total} sections written
            </span>
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {doc.author.name} · updated <RelativeTime iso={doc.updatedAt} /> by {doc.updatedBy.name}
          </p>
          {doc.match &&
            (doc.match.thread ? (
              <p className="mt-1 text-sm text-slate-700" data-testid="comment-hit">
                <span className="font-medium">
                  Comment thread{doc.match.thread.quote ? ` on “${doc.match.thread.quote}”` : ""}
                  {doc.match.sectionTitle ? ` in ${doc.match.sectionTitle}` : ""}:
                </span>{" "}
                <Snippet text={doc.match.snippet} />
              </p>
            ) : (
              <p className="mt-1 text-sm text-slate-700">
                <span className="font-medium">{doc.match.sectionTitle}:</span> <Snippet text={doc.match.snippet} />
              </p>
            ))}
        </li>
      ))}
    </ul>
  );
}
