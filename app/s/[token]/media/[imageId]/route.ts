import { cookies } from "next/headers";
import { handle } from "@/lib/http/route";
import { serveSharedImage } from "@/lib/media/serve";
import { UNLOCK_COOKIE } from "@/lib/sharing/resolve-token";

type Ctx = { params: Promise<{ token: string; imageId: string }> };

/** GET /s/{token}/media/{imageId}: an image of the shared doc, for the link's holder (lib/media/serve.ts). */
export const GET = handle(
  async (req, { params }: Ctx) => {
    const { token, imageId } = await params;
    return serveSharedImage(req, token, imageId, (await cookies()).get(UNLOCK_COOKIE)?.value);
  },
  { scope: "none" },
);
