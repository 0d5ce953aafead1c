import { requireActor } from "@/lib/auth/session";
import { deleteDocForGood } from "@/lib/docs/delete-doc";
import { getDocForViewer } from "@/lib/docs/queries";
import { handle, json, readJson } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/docs/{id} → the doc with its sections; 404 if the caller cannot read it. */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return json(await getDocForViewer(actor, { id }));
});

/**
 * DELETE /api/docs/{id} with `{ confirmTitle }` (the doc's title) → { deleted }: the doc, its history, reviews,
 * comments, images and share links are gone for good; workspace owners and admins only.
 */
export const DELETE = handle(
  async (req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id } = await params;
    const { deleted } = await deleteDocForGood(actor, id, await readJson(req));
    return json({ deleted });
  },
  { scope: "admin" },
);
