import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FooterAsOf } from "@/components/history/footer-as-of";
import { HistoryShell } from "@/components/history/history-shell";
import { RestoreButton } from "@/components/history/restore-button";
import { PROSE_CLASS } from "@/components/editor/prose";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getPoint } from "@/lib/history/get-point";
import "../../../../../editor.css";
import "../../../../../media.css";

type Props = { params: Promise<{ slug: string; seq: string }> };

export const metadata: Metadata = { title: "History" };

const stamp = (iso: string) => new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";

/** `/docs/<slug>/history/<seq>`: the whole doc, read-only, as it was at that point, with its footer then. */
export default async function PointPage({ params }: Props) {
  const { slug, seq } = await params;
  const actor = await requirePageActor(`/docs/${slug}/history/${seq}`);
  const point = await getPoint(actor, { slug }, seq).catch((e) =>
    isAppError(e) && e.code === "NOT_FOUND" ? notFound() : Promise.reject(e),
  );
  const isHead = point.seq >= point.headSeq;
  return (
    <HistoryShell
      actor={actor}
      doc={point}
      title={
        <>
          {point.title}
          <span className="block text-base font-normal text-slate-600">
            as of {stamp(point.at)}
            {point.namedVersion && ` · ${point.namedVersion}`}
          </span>
        </>
      }
    >
      <Alert variant="info" className="mb-6" title={isHead ? "This is the current version" : "An earlier version"}>
        <span className="block">Read-only: point {point.seq} in this doc&apos;s history.</span>
        <span className="mt-2 flex flex-wrap items-center gap-2">
          <Link href={`/docs/${slug}`} className={buttonClassName("secondary", "sm")}>
            Open the current doc
          </Link>
          {!isHead && (
            <Link
              href={`/docs/${slug}/history/compare?from=${point.seq}`}
              className={buttonClassName("secondary", "sm")}
            >
              Changes since then
            </Link>
          )}
          {!isHead && point.canRestore && (
            <RestoreButton docId={point.docId} slug={slug} seq={point.seq} label="Restore this version" />
          )}
        </span>
      </Alert>
      <article data-testid="doc-as-of" data-seq={point.seq}>
        {point.sections.map((s) => (
          <section key={s.key} id={s.key} aria-labelledby={`h-${s.key}`} className="mb-8" data-section={s.key}>
            <h2 id={`h-${s.key}`} className="mb-2 text-xl font-semibold text-slate-900">
              {s.title}
            </h2>
            {/^(<p><\/p>)*$/.test(s.html) ? (
              <p className="text-sm text-slate-500 italic">Nothing written then.</p>
            ) : (
              <div className={PROSE_CLASS} dangerouslySetInnerHTML={{ __html: s.html }} />
            )}
          </section>
        ))}
      </article>
      <FooterAsOf point={point} />
    </HistoryShell>
  );
}
