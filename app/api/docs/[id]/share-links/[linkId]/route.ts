import { requireActor } from "@/lib/auth/session";
import { handle, json } from "@/lib/http/route";
import { revokeShareLink } from "@/lib/sharing/share-links";

type Ctx = { params: Promise<{ id: string; linkId: string }> };

/** DELETE /api/docs/{id}/share-links/{linkId} → { link } (revoked at once; revoking twice is fine). */
export const DELETE = handle(
  async (_req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id, linkId } = await params;
    return json({ link: await revokeShareLink(actor, id, linkId) });
  },
  { scope: "admin" },
);
