import "server-only";
import { requireDocAccess, type DocCaller } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { mediaStore, type StoredImage } from "./store";

const NOT_FOUND = "This image does not exist, or you do not have access to it.";

/**
 * An image for someone reading its doc: a member by their role, a share-link holder by
 * their link (which opens its own doc only, and nothing once revoked or expired). An
 * image of a doc the caller cannot read is NOT_FOUND, exactly like a missing one, wherever
 * its id was found (pasted into another doc, guessed). Bytes are read only when asked.
 */
export async function findReadableImage(caller: DocCaller, imageId: string): Promise<StoredImage> {
  const image = await mediaStore.find(imageId);
  if (!image) throw new AppError("NOT_FOUND", NOT_FOUND);
  try {
    await requireDocAccess(caller, { id: image.documentId }, "view");
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN"))
      throw new AppError("NOT_FOUND", NOT_FOUND);
    throw error;
  }
  return image;
}

export async function readImageBytes(image: StoredImage): Promise<Buffer> {
  const bytes = await mediaStore.read(image.sha256);
  if (!bytes) throw new AppError("NOT_FOUND", NOT_FOUND);
  return bytes;
}
