/**
 * Where an image node's `src` may point, shared by the validator (what may be stored),
 * the renderers (what becomes an <img>) and the editor (what a paste may bring in).
 *
 * - "uploaded": `/media/<id>`, an image stored here (lib/media), served only to readers of its doc.
 * - "remote": an absolute https URL. Stored only where the workspace allows remote images
 *   (lib/media/remote-images.ts): loading one tells the other site who reads the doc.
 * - "missing": a relative path from an imported document ("diagrams/flow.png"). It is never
 *   fetched (it would resolve against our own pages); it renders as a placeholder naming the
 *   file so someone uploads it.
 * Everything else (data:, blob:, javascript:, http:, //host, /other/path/in/our/app) is refused.
 */
export type ImageSrcKind = "uploaded" | "remote" | "missing";

export const MEDIA_PREFIX = "/media/";
export const MAX_IMAGE_SRC_LENGTH = 2048;
const MEDIA_PATH = /^\/media\/([A-Za-z0-9_-]{1,64})$/;
const REMOTE = /^https:\/\/[^\s/?#\\@]+(?:[/?#]|$)/i;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// Browsers strip these before reading a URL's scheme; a path holding one is never a file name we want.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;

export function imageSrcKind(src: unknown): ImageSrcKind | null {
  if (typeof src !== "string" || src.length === 0 || src.length > MAX_IMAGE_SRC_LENGTH) return null;
  if (INVISIBLE.test(src) || src.trim() !== src) return null;
  if (MEDIA_PATH.test(src)) return "uploaded";
  if (SCHEME.test(src)) return REMOTE.test(src) ? "remote" : null;
  // "//host/x" leaves the site; "/media/…" that is not an upload id is a probe, not a file name.
  if (src.startsWith("//") || src.startsWith("/\\") || src.startsWith(MEDIA_PREFIX)) return null;
  return src.length <= 500 ? "missing" : null;
}

/** The stored image id of an uploaded src, or null. */
export function mediaIdOf(src: unknown): string | null {
  return typeof src === "string" ? (MEDIA_PATH.exec(src)?.[1] ?? null) : null;
}

export function mediaSrc(imageId: string): string {
  return `${MEDIA_PREFIX}${imageId}`;
}

/** "docs/img/flow%20chart.png?raw=1" → "flow chart.png": the name a person recognises. */
export function missingFileName(src: string): string {
  const path = src.split(/[?#]/)[0] ?? src;
  const base = path.split(/[/\\]/).filter(Boolean).pop() ?? path;
  try {
    return decodeURIComponent(base) || src;
  } catch {
    return base || src;
  }
}

export const IMAGE_SIZES = ["small", "medium", "large", "full"] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];
