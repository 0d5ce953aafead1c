import { requireActor } from "@/lib/auth/session";
import { restoreFromHistory } from "@/lib/history/restore";
import { handle, json, readJson } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string; seq: string }> };

/**
 * POST /api/docs/{id}/history/{seq}/restore { sections?: [key] } → 200 { seq, restored, unchanged, missing }: each
 * section's content at that point becomes a new version · 403 for non-editors · 404 · 409 locked · 422.
 */
export const POST = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id, seq } = await params;
  return json(await restoreFromHistory(actor, id, seq, await readJson(req, 64 * 1024)));
});
