import { requireActor } from "@/lib/auth/session";
import { handle, json } from "@/lib/http/route";
import { getSignOffRecord } from "@/lib/reviews/signoff-record";

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/docs/{id}/signoff.json → every approval (reviewer, time, revision, content hash), every verdict, the audit
 * trail.
 */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  const record = await getSignOffRecord(actor, id);
  return json(record, {
    headers: {
      "Content-Disposition": `attachment; filename="${record.document.slug.replace(/[^a-z0-9-]/gi, "_")}-signoff.json"`,
    },
  });
});
