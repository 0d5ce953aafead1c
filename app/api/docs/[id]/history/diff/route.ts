import { requireActor } from "@/lib/auth/session";
import { diffHistory, type PointInput } from "@/lib/history/diff-history";
import { handle, json } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/docs/{id}/history/diff?from=<seq>&to=<seq> (or since=<ISO time> instead of from; to defaults to now)
 * → per-section rich diff · 404 · 422.
 */
export const GET = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  const q = new URL(req.url).searchParams;
  const since = q.get("since");
  const from: PointInput = since !== null ? { at: since } : { seq: q.get("from") ?? "" };
  const to: PointInput = q.get("to") ? { seq: q.get("to") } : undefined;
  return json(await diffHistory(actor, { id }, { from, to }));
});
