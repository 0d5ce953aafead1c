import type { DocDTO } from "@/lib/docs/dto";
import { formatStampDate } from "@/lib/docs/stamps";

/** The template's footer, derived from records: never typed by anyone. */
export function DocFooter({ doc }: { doc: Pick<DocDTO, "updatedAt" | "updatedBy" | "revision"> }) {
  return (
    <footer className="mt-12 border-t border-slate-200 pt-4 text-sm text-slate-700" data-testid="doc-footer">
      <p>
        <strong className="font-semibold text-slate-900">Last Updated:</strong> {formatStampDate(doc.updatedAt)} by {doc.updatedBy.name}
        <span className="text-slate-500"> · revision {doc.revision}</span>
      </p>
      <p className="mt-1">
        <strong className="font-semibold text-slate-900">Reviewed By:</strong> <span className="text-slate-600">— not reviewed yet</span>
      </p>
    </footer>
  );
}
