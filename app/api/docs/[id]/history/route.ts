import { requireActor } from "@/lib/auth/session";
import { listHistory } from "@/lib/history/list-history";
import { handle, json } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/docs/{id}/history?before=<seq> → one page of history entries, newest first · 404. */
export const GET = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  const before = new URL(req.url).searchParams.get("before") ?? undefined;
  return json(await listHistory(actor, { id }, { before }));
});
