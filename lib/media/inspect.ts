import "server-only";
import { createHash } from "node:crypto";
import sharp, { type Metadata, type OutputInfo, type Sharp } from "sharp";
import { AppError } from "@/lib/errors";
import {
  MAX_ANIMATION_FRAMES,
  MAX_ANIMATION_PIXELS,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  TOO_LARGE_MESSAGE,
  UNSUPPORTED_MESSAGE,
} from "./limits";
import {
  describeUnsupported,
  hasActiveContent,
  hasTrailingData,
  MIME_TYPES,
  sniffImage,
  type ImageFormat,
} from "./sniff";

/** An upload made safe to store and serve: re-encoded pixels, no metadata, its size and content hash. */
export type CleanImage = {
  data: Buffer;
  sha256: string;
  mimeType: string;
  format: ImageFormat;
  width: number;
  height: number;
  byteSize: number;
};

// One image at a time per call and nothing cached between calls: uploads are rare, memory is shared.
sharp.cache(false);

const refuse = (message: string): never => {
  throw new AppError("INVALID_INPUT", message, { fieldErrors: { file: [message] } });
};

const BROKEN = "This image is damaged or incomplete (it may have been cut off while copying). Save it again and retry.";
const POLYGLOT =
  "This file holds more than an image (other data is hidden in or after it). " +
  "Open it in an image editor and save it again.";

/**
 * Check an upload by its content and re-encode it (docs/media.md says why):
 * 1. the bytes must be PNG, JPEG, GIF or WebP, whatever the name says (SVG, which can carry script, is refused);
 * 2. nothing may ride along: data after the image's end or markup hidden in its metadata is refused;
 * 3. the header's dimensions are checked before any decoding, so a decompression bomb costs nothing;
 * 4. the pixels are decoded in full (a truncated image fails here) and encoded again in the same format,
 *    turned upright by its EXIF orientation: EXIF (GPS location included), XMP, comments and profiles are gone.
 * Throws INVALID_INPUT (422) or PAYLOAD_TOO_LARGE (413) with a message for the person uploading.
 */
export async function inspectImage(input: Uint8Array): Promise<CleanImage> {
  if (input.byteLength > MAX_IMAGE_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", TOO_LARGE_MESSAGE);
  if (input.byteLength === 0) refuse("The file is empty.");
  const sniffed = sniffImage(input);
  if (!sniffed.ok) {
    if (sniffed.reason === "truncated") refuse(BROKEN);
    const named = describeUnsupported(input);
    refuse(named ? `${named} files cannot be uploaded. ${UNSUPPORTED_MESSAGE}` : UNSUPPORTED_MESSAGE);
  }
  const { format, end } = sniffed as Extract<typeof sniffed, { ok: true }>;
  if (hasTrailingData(input, end) || hasActiveContent(input)) refuse(POLYGLOT);

  const animated = format === "gif" || format === "webp";
  // The pixel limit is checked by hand from the header (with a message); sharp's own limit is the net under it.
  const open = (limitInputPixels: number | false = animated ? MAX_ANIMATION_PIXELS : MAX_IMAGE_PIXELS) =>
    sharp(input, { animated, failOn: "truncated", limitInputPixels, sequentialRead: true });
  let meta: Metadata;
  try {
    meta = await open(false).metadata();
  } catch {
    return refuse(BROKEN);
  }
  const frames = meta.pages ?? 1;
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  const width = meta.width ?? 0;
  if (meta.format !== (format === "jpeg" ? "jpeg" : format) || !width || !frameHeight) refuse(BROKEN);
  if (width * frameHeight > MAX_IMAGE_PIXELS)
    refuse(`This image is ${width} × ${frameHeight} pixels; images may have up to 40 megapixels.`);
  if (frames > MAX_ANIMATION_FRAMES || width * frameHeight * frames > MAX_ANIMATION_PIXELS)
    refuse(`This animation has too many frames (${frames} of ${width} × ${frameHeight} pixels).`);

  let data: Buffer;
  let info: OutputInfo;
  try {
    ({ data, info } = await reencode(open(), format, meta).toBuffer({ resolveWithObject: true }));
  } catch {
    return refuse(BROKEN);
  }
  return {
    data,
    sha256: createHash("sha256").update(data).digest("hex"),
    mimeType: MIME_TYPES[format],
    format,
    width: info.width,
    height: info.pageHeight ?? info.height,
    byteSize: data.byteLength,
  };
}

function reencode(image: Sharp, format: ImageFormat, meta: Metadata): Sharp {
  switch (format) {
    case "jpeg":
      // Upright by EXIF orientation first: the orientation tag goes with the rest of the metadata.
      return image
        .rotate()
        .jpeg({ quality: 90, chromaSubsampling: meta.chromaSubsampling === "4:4:4" ? "4:4:4" : "4:2:0" });
    case "png":
      return image.png({ palette: meta.isPalette === true, compressionLevel: 6 });
    case "gif":
      return image.gif();
    case "webp":
      return image.webp({ quality: 90, effort: 2 });
  }
}
