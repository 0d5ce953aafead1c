import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { mediaIdOf, mediaSrc } from "@/lib/editor/image-src";
import { AppError } from "@/lib/errors";
import { findReadableImage } from "./read";
import type { UploadedImageDTO } from "./upload";

/**
 * An image copied with its text from another doc (copy and paste between docs) still names the
 * other doc's image, which only that doc's readers may see. The editor asks for it here: someone
 * who may edit this doc and can read the image gets an image of this doc over the same bytes
 * (nothing is uploaded again); anyone else gets the same 404 as for a missing image.
 */
export async function copyImageToDoc(actor: Actor, docId: string, src: unknown): Promise<UploadedImageDTO> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "edit");
  const imageId = mediaIdOf(src);
  if (!imageId) throw new AppError("INVALID_INPUT", "Name an image of this app: /media/<id>.");
  const source = await findReadableImage(actor, imageId);
  const copy =
    source.documentId === doc.id
      ? { id: source.id }
      : await db.docImage.upsert({
          where: { documentId_sha256: { documentId: doc.id, sha256: source.sha256 } },
          create: { documentId: doc.id, sha256: source.sha256, fileName: source.fileName, uploadedById: actor.id },
          update: {},
          select: { id: true },
        });
  return {
    id: copy.id,
    src: mediaSrc(copy.id),
    width: source.width,
    height: source.height,
    mimeType: source.mimeType,
    byteSize: source.byteSize,
    fileName: source.fileName,
  };
}
