import { requireActor } from "@/lib/auth/session";
import { handle, json, readJson } from "@/lib/http/route";
import { copyImageToDoc } from "@/lib/media/copy";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/docs/{id}/images/copies { src: "/media/<id>" } → 201 { image }: another doc's image, made this doc's. */
export const POST = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  const body = await readJson(req, 4 * 1024);
  const src = body && typeof body === "object" ? (body as { src?: unknown }).src : undefined;
  return json({ image: await copyImageToDoc(actor, id, src) }, { status: 201 });
});
