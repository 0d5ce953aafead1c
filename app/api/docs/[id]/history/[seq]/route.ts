import { requireActor } from "@/lib/auth/session";
import { getPoint } from "@/lib/history/get-point";
import { handle, json } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string; seq: string }> };

/** GET /api/docs/{id}/history/{seq} → the doc as of that point, with its stamps then · 404. */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id, seq } = await params;
  return json(await getPoint(actor, { id }, seq));
});
