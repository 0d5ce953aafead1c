import { requireActor } from "@/lib/auth/session";
import { restoreSections } from "@/lib/docs/content";
import { parseRestoreInput } from "@/lib/history/restore-input";
import { handle, json, readJson } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string; seq: string }> };

/**
 * POST /api/docs/{id}/history/{seq}/restore { sections?: [key] } → 200 { seq, from, restored, unchanged, added,
 * removed, kept, renamed, changes }: each section's content at that point becomes a new version; with no sections
 * listed, the whole doc, extra sections removed since brought back and ones added since removed · 403 for
 * non-editors · 404 · 409 locked · 422.
 */
export const POST = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id, seq } = await params;
  const { point, scope } = parseRestoreInput(seq, await readJson(req, 64 * 1024));
  return json(await restoreSections(actor, id, point, scope));
});
