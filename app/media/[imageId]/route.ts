import { requireActor } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { serveMemberImage } from "@/lib/media/serve";

type Ctx = { params: Promise<{ imageId: string }> };

/** GET /media/{imageId}: an image, for members who can read its doc (lib/media/serve.ts for caching). */
export const GET = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { imageId } = await params;
  return serveMemberImage(req, actor, imageId);
});
