import { requireActor } from "@/lib/auth/session";
import { getDocForViewer } from "@/lib/docs/queries";
import { handle, json } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/docs/{id} → the doc with its sections; 404 if the caller cannot read it. */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return json(await getDocForViewer(actor, { id }));
});
