import "server-only";
import type { Actor } from "@/lib/auth/session";
import { requireDocAccess } from "@/lib/docs/access";
import { mediaSrc } from "@/lib/editor/image-src";
import { mediaStore } from "./store";

export type DocImageDTO = {
  id: string;
  src: string;
  mimeType: string;
  byteSize: number;
  width: number;
  height: number;
  fileName: string | null;
  createdAt: string;
};

/** The images uploaded to a doc, for its readers (an export names them; a backup copies them). */
export async function listDocImages(actor: Actor, docId: string): Promise<DocImageDTO[]> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "view");
  const images = await mediaStore.list({ documentId: doc.id });
  return images.map((image) => ({
    id: image.id,
    src: mediaSrc(image.id),
    mimeType: image.mimeType,
    byteSize: image.byteSize,
    width: image.width,
    height: image.height,
    fileName: image.fileName,
    createdAt: image.createdAt.toISOString(),
  }));
}
