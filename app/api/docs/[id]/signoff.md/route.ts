import { requireActor } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { getSignOffRecord, signOffRecordToMarkdown } from "@/lib/reviews/signoff-record";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/docs/{id}/signoff.md → the sign-off record as Markdown. */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  const record = await getSignOffRecord(actor, id);
  return new Response(signOffRecordToMarkdown(record), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${record.document.slug.replace(/[^a-z0-9-]/gi, "_")}-signoff.md"`,
      "Cache-Control": "no-store",
    },
  });
});
