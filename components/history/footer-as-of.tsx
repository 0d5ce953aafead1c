import { formatStampDate } from "@/lib/docs/stamps";
import type { PointDTO } from "@/lib/history/dto";

/** The template footer as it read at a point in history (derived from the records of then). */
export function FooterAsOf({ point }: { point: Pick<PointDTO, "lastUpdated" | "reviewedBy"> }) {
  return (
    <footer className="mt-12 border-t border-slate-200 pt-4 text-sm text-slate-700" data-testid="doc-footer">
      <p data-testid="last-updated-then">
        <strong className="font-semibold text-slate-900">Last Updated:</strong>{" "}
        {point.lastUpdated
          ? `${formatStampDate(point.lastUpdated.at)}${point.lastUpdated.by ? ` by ${point.lastUpdated.by.name}` : ""}`
          : "—"}
      </p>
      <p className="mt-1">
        <strong className="font-semibold text-slate-900">Reviewed By:</strong>{" "}
        {point.reviewedBy.length === 0 ? (
          <span className="text-slate-600">— not reviewed then</span>
        ) : (
          point.reviewedBy.map((s, i) => (
            <span
              key={`${s.reviewer.id}-${s.approvedAt}`}
              data-testid="reviewed-by"
              title={`content SHA-256 ${s.contentHash}`}
            >
              {i > 0 && "; "}
              {s.reviewer.name} (approved {formatStampDate(s.approvedAt)}, revision {s.revision})
            </span>
          ))
        )}
      </p>
    </footer>
  );
}
