import Link from "next/link";
import { FileText } from "lucide-react";
import { RelativeTime } from "@/components/docs/relative-time";
import { Badge } from "@/components/ui/badge";
import type { SharedWithMeDTO } from "@/lib/sharing/dto";

const ROLE = { OWNER: "Owner", EDITOR: "Editor", REVIEWER: "Reviewer", VIEWER: "Viewer" } as const;

/** Docs from other workspaces that someone added the viewer to one by one. Renders nothing when there are none. */
export function SharedWithMe({ docs }: { docs: SharedWithMeDTO[] }) {
  if (docs.length === 0) return null;
  return (
    <section aria-labelledby="shared-with-me" className="mt-10 grid gap-3">
      <div>
        <h2 id="shared-with-me" className="text-lg font-semibold tracking-tight text-slate-900">
          Shared with you
        </h2>
        <p className="text-sm text-slate-600">Docs from other workspaces that you were added to.</p>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="shared-with-me">
        {docs.map((doc) => (
          <li key={doc.id} className="relative flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50">
            <FileText aria-hidden="true" className="size-4 text-slate-500" />
            <Link
              href={`/docs/${doc.slug}`}
              className="font-medium text-slate-900 after:absolute after:inset-0 hover:underline"
            >
              {doc.title}
            </Link>
            <Badge>{ROLE[doc.role]}</Badge>
            <span className="text-sm text-slate-600">
              {doc.workspaceName} · shared by {doc.sharedBy} · updated <RelativeTime iso={doc.updatedAt} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
