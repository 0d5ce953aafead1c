import { requireActor } from "@/lib/auth/session";
import { getBaseUrl } from "@/lib/http/base-url";
import { handle, json, readJson } from "@/lib/http/route";
import { createShareLink, listShareLinks } from "@/lib/sharing/share-links";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/docs/{id}/share-links → { links } (owners and editors). */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return json({ links: await listShareLinks(actor, id) });
});

/**
 * POST /api/docs/{id}/share-links { role?, expiresInDays? | expiresAt?, password?, label? }
 * → 201 { url, token, link }: the token is in this answer and never again.
 */
export const POST = handle(
  async (req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id } = await params;
    const body = await readJson(req, 8 * 1024);
    const created = await createShareLink(actor, id, body, getBaseUrl(req.headers));
    return json(created, { status: 201 });
  },
  { scope: "admin" },
);
