import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { resolveShareToken } from "@/lib/sharing/resolve-token";
import { findReadableImage, readImageBytes } from "./read";
import type { StoredImage } from "./store";

/**
 * Who the bytes are sent to decides how long a browser may keep them (docs/media.md):
 * - "member" (`/media/<id>`): the bytes behind an id never change, so the browser keeps them
 *   (`immutable`), and `private` keeps every shared cache (proxy, CDN) from storing them.
 * - "link" (`/s/<token>/media/<id>`): `no-cache` makes the browser ask again on every use, so
 *   a revoked or expired link loses its images at once; the ETag keeps that a 304 without the bytes.
 */
export type ImageAudience = "member" | "link";

const CACHE_CONTROL: Record<ImageAudience, string> = {
  member: "private, max-age=31536000, immutable",
  link: "private, no-cache",
};

/** The file extension of each stored image type (downloads, workspace archives). */
export const IMAGE_EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

function downloadName(image: StoredImage): string {
  const extension = IMAGE_EXTENSIONS[image.mimeType] ?? "img";
  const stem = (image.fileName ?? "").replace(/\.[A-Za-z0-9]{1,5}$/, "").replace(/[^A-Za-z0-9._-]+/g, "-");
  return `${stem.replace(/^[-.]+|[-.]+$/g, "").slice(0, 80) || `image-${image.id}`}.${extension}`;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*");
}

/** The image as an HTTP response (304 when the browser holds these bytes already). Access is checked by the caller. */
export async function imageResponse(req: Request, image: StoredImage, audience: ImageAudience): Promise<Response> {
  const etag = `"${image.sha256}"`;
  const headers = new Headers({
    "Cache-Control": CACHE_CONTROL[audience],
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    // Other sites may not embed these bytes, even for someone signed in here.
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  if (etagMatches(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const bytes = await readImageBytes(image);
  headers.set("Content-Type", image.mimeType);
  headers.set("Content-Length", String(bytes.byteLength));
  headers.set("Content-Disposition", `inline; filename="${downloadName(image)}"`);
  return new Response(req.method === "HEAD" ? null : new Uint8Array(bytes), { status: 200, headers });
}

/** GET /media/{id}: for members who can read the image's doc. */
export async function serveMemberImage(req: Request, actor: Actor, imageId: string): Promise<Response> {
  return imageResponse(req, await findReadableImage(actor, imageId), "member");
}

/**
 * GET /s/{token}/media/{id}: for whoever holds a live link to the image's doc (and, for a
 * password link, its unlock cookie, whose path covers this URL). Revoked and expired links are
 * a 404 from the next request on; so is an image of another doc.
 */
export async function serveSharedImage(
  req: Request,
  token: string,
  imageId: string,
  unlockCookie: string | undefined,
): Promise<Response> {
  // Images are part of one visit to the page, not uses of the link of their own.
  const access = await resolveShareToken(token, { unlockCookie, recordUse: false });
  if (access.status !== "open") throw new AppError("NOT_FOUND", "Enter the link's password to see this image.");
  return imageResponse(req, await findReadableImage(access.caller, imageId), "link");
}
