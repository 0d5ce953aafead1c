import { requireActor } from "@/lib/auth/session";
import { handle, json } from "@/lib/http/route";
import { listDocImages } from "@/lib/media/list";
import { uploadDocImage } from "@/lib/media/upload";
import { readUploadBody } from "@/lib/media/upload-body";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/docs/{id}/images: an image file (raw body, or multipart field "file") → 201 { image }. */
export const POST = handle(
  async (req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id } = await params;
    const upload = await readUploadBody(req);
    const image = await uploadDocImage(actor, id, upload);
    return json({ image }, { status: 201 });
  },
  // A file, not JSON: any body type; another site's form still cannot post one (handle()'s origin check).
  { body: "upload" },
);

/** GET /api/docs/{id}/images → { images } uploaded to this doc (its readers). */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return json({ images: await listDocImages(actor, id) });
});
