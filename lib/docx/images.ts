import "server-only";
import type { JSONContent } from "@tiptap/core";
import sharp from "sharp";
import type { DocCaller } from "@/lib/docs/access";
import { mediaIdOf } from "@/lib/editor/image-src";
import { AppError } from "@/lib/errors";
import { findReadableImage, readImageBytes } from "@/lib/media/read";
import type { EmbeddedImage } from "./image-blocks";

/**
 * What one export embeds at most, in stored bytes: a doc of many large photos still exports in bounded memory
 * (docx keeps every image in memory until the file is packed); the images past it stay links to their app URLs.
 */
export const MAX_EMBEDDED_BYTES = 40 * 1024 * 1024;

const WORD_TYPES: Record<string, EmbeddedImage["type"]> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
};

function notFoundAsNull(error: unknown): null {
  if (error instanceof AppError && error.code === "NOT_FOUND") return null;
  throw error;
}

function uploadedImageIds(nodes: readonly JSONContent[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    const id = node.type === "image" ? mediaIdOf(node.attrs?.src) : null;
    if (id) into.add(id);
    if (node.content) uploadedImageIds(node.content, into);
  }
  return into;
}

/**
 * The uploaded images of the given sections, read from the media store for embedding in a Word file, in order of
 * appearance and one at a time. Only images the caller may read (as the media route decides, whichever doc they
 * came from); one they may not, or one gone, stays a link that says nothing more. Word shows PNG, JPEG and GIF as
 * stored; a WebP is re-encoded as PNG (its first frame), since Word does not read WebP.
 */
export async function loadEmbeddedImages(
  caller: DocCaller,
  sections: readonly JSONContent[],
): Promise<Map<string, EmbeddedImage>> {
  const images = new Map<string, EmbeddedImage>();
  let budget = MAX_EMBEDDED_BYTES;
  for (const id of uploadedImageIds(sections)) {
    const image = await findReadableImage(caller, id).catch(notFoundAsNull);
    if (!image || image.byteSize > budget || image.width <= 0 || image.height <= 0) continue;
    budget -= image.byteSize;
    const bytes = await readImageBytes(image).catch(notFoundAsNull);
    if (!bytes) continue;
    const type = WORD_TYPES[image.mimeType];
    const data = type ? bytes : await sharp(bytes).png().toBuffer();
    images.set(id, {
      data,
      type: type ?? "png",
      width: image.width,
      height: image.height,
      fileName: image.fileName,
    });
  }
  return images;
}
