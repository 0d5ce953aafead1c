import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Eye } from "lucide-react";
import { DocFooter } from "@/components/docs/doc-footer";
import { DocSections } from "@/components/docs/doc-sections";
import { StatusBadge } from "@/components/docs/status-badge";
import { SharePasswordForm } from "@/components/sharing/share-password-form";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { isAppError } from "@/lib/errors";
import { resolveShareToken, UNLOCK_COOKIE } from "@/lib/sharing/resolve-token";
import { getSharedDoc } from "@/lib/sharing/shared-doc";
import { getReviewedByStamps } from "@/lib/reviews/stamps";
import { imagesForPage } from "@/lib/media/page-images";
import "../../editor.css";
import "../../media.css";

type Props = { params: Promise<{ token: string }> };

/**
 * A doc opened by a share link: read-only, and nothing else of the workspace (no
 * navigation, no links to other docs, no emails). Unknown, revoked and expired
 * links are the app's one 404 page. Headers: next.config.ts adds no-referrer and noindex.
 */
const load = cache(async (token: string) => {
  const unlockCookie = (await cookies()).get(UNLOCK_COOKIE)?.value;
  try {
    const access = await resolveShareToken(token, { unlockCookie });
    if (access.status === "password") return { locked: true as const };
    return { locked: false as const, doc: await getSharedDoc(access.caller, access.documentId), role: access.role };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const shared = await load(token);
  return {
    title: shared.locked ? "Password required" : shared.doc.title,
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function SharedDocPage({ params }: Props) {
  const { token } = await params;
  const shared = await load(token);
  if (shared.locked) return <SharePasswordForm token={token} />;
  const { doc, role } = shared;
  return (
    <div className="flex min-h-dvh flex-col bg-white">
      <div className="border-b border-slate-200 bg-slate-50" data-print-hide>
        <div
          className={cn(
            "mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 gap-y-1",
            "px-4 py-2.5 text-sm text-slate-600 sm:px-6",
          )}
        >
          <span className="inline-flex items-center gap-2 font-semibold text-slate-900">
            <span
              aria-hidden="true"
              className="grid size-6 place-items-center rounded bg-brand-600 text-xs font-bold text-white"
            >
              DR
            </span>
            Design Review
          </span>
          <span className="inline-flex items-center gap-1.5">
            <Eye aria-hidden="true" className="size-4" />
            {role === "comment"
              ? "Shared with you to read and comment: select text to comment on it"
              : "Shared with you to read"}
          </span>
        </div>
      </div>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
        <header className="grid gap-3 border-b border-slate-200 pb-5">
          <h1 className="text-3xl font-semibold tracking-tight text-balance text-slate-900">{doc.title}</h1>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-600">
            <StatusBadge status={doc.status} />
            {/* A comment link invites the guest in: "Read-only" would tell them otherwise. */}
            {role === "comment" ? <Badge>Can comment</Badge> : <Badge>Read-only</Badge>}
            <span>Author: {doc.author.name}</span>
          </div>
        </header>
        <DocSections
          doc={{ id: doc.id, sections: imagesForPage(doc.sections, { shareToken: token }) }}
          editable={false}
          comments={role === "comment" ? { token } : false}
          ticketUrl={`/s/${token}/collab`}
        />
        <DocFooter doc={doc} stamps={await getReviewedByStamps(doc.id)} />
      </main>
    </div>
  );
}
