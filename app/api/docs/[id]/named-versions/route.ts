import { requireActor } from "@/lib/auth/session";
import { nameCurrentVersion } from "@/lib/history/named-versions";
import { handle, json, readJson } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/**
 * POST /api/docs/{id}/named-versions { name } → 201 { id, name, seq, createdAt, createdBy } naming the doc's current
 * point · 403 · 422.
 */
export const POST = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return json(await nameCurrentVersion(actor, id, await readJson(req, 16 * 1024)), { status: 201 });
});
