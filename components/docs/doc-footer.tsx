import type { DocDTO } from "@/lib/docs/dto";
import { formatStampDate } from "@/lib/docs/stamps";
import { LiveLastUpdated } from "./live-stamp";
import type { ReviewedByStamp } from "@/lib/reviews/dto";
import { staleSince } from "@/lib/reviews/stamp-format";

/**
 * The template's footer, derived from records: never typed by anyone. Server-safe and
 * data-only, so the doc page and the shared view (/s/<token>) render the same footer:
 * pass `stamps` from `getReviewedByStamps(docId)` (lib/reviews/stamps.ts).
 */
export function DocFooter({
  doc,
  stamps = [],
}: {
  doc: Pick<DocDTO, "id" | "updatedAt" | "updatedBy" | "revision">;
  stamps?: ReviewedByStamp[];
}) {
  return (
    <footer className="mt-12 border-t border-slate-200 pt-4 text-sm text-slate-700" data-testid="doc-footer">
      <p>
        <strong className="font-semibold text-slate-900">Last Updated:</strong>{" "}
        <LiveLastUpdated
          docId={doc.id}
          initial={{ at: doc.updatedAt, by: doc.updatedBy, revision: doc.revision }}
          format="date"
        />
      </p>
      <p className="mt-1">
        <strong className="font-semibold text-slate-900">Reviewed By:</strong>{" "}
        {stamps.length === 0 ? (
          <span className="text-slate-600">— not reviewed yet</span>
        ) : (
          stamps.map((s, i) => (
            <span
              key={`${s.reviewer.id}-${s.approvedAt}`}
              data-testid="reviewed-by"
              title={`content SHA-256 ${s.contentHash}`}
            >
              {i > 0 && "; "}
              {s.stale ? (
                <span data-testid="stale-approval">
                  {s.reviewer.name} — approved revision {s.revision},{" "}
                  <span className="font-medium text-amber-800">{staleSince(s.stale)}</span>
                </span>
              ) : (
                <>
                  {s.reviewer.name} (approved {formatStampDate(s.approvedAt)}, revision {s.revision})
                </>
              )}
            </span>
          ))
        )}
      </p>
    </footer>
  );
}
