import "server-only";
import type { Actor } from "@/lib/auth/session";
import { assertNotRateLimited, recordHit, type Limit } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { mediaSrc } from "@/lib/editor/image-src";
import { canEditContent } from "@/lib/docs/content/can-edit";
import { AppError } from "@/lib/errors";
import { inspectImage } from "./inspect";
import { mediaStore } from "./store";

/** What the editor needs to insert an uploaded image. */
export type UploadedImageDTO = {
  id: string;
  src: string;
  width: number;
  height: number;
  mimeType: string;
  byteSize: number;
  fileName: string | null;
};

/** 120 uploads per person per 10 minutes: a folder of screenshots fits; a script filling the database does not. */
export const uploadLimits = (actorId: string): Limit[] => [
  { key: `image-upload:user:${actorId}`, limit: 120, windowSeconds: 600 },
];

/** A file name for display and export: its last path part, no control characters, at most 200 characters. */
export function cleanFileName(name: unknown): string | null {
  if (typeof name !== "string") return null;
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return clean || null;
}

/**
 * Upload an image into a doc: only someone who may edit the doc now (not archived, not
 * locked), within the upload rate limit. The access check comes first, so strangers cost no
 * decoding; a refused file (./inspect.ts) stores nothing.
 */
export async function uploadDocImage(
  actor: Actor,
  docId: string,
  input: { bytes: Uint8Array; fileName?: unknown },
): Promise<UploadedImageDTO> {
  const { doc, role } = await requireDocAccess(actor, { id: docId }, "edit");
  const { lockedAt } = await db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { lockedAt: true } });
  const allowed = canEditContent({ role, archived: !!doc.archivedAt, locked: !!lockedAt });
  if (!allowed.ok) throw new AppError(allowed.code, allowed.message);
  const limits = uploadLimits(actor.id);
  await assertNotRateLimited(limits, "You have uploaded many images in a short time.");
  await recordHit(limits); // refused files count too: probing with hostile files is what the limit slows
  const image = await inspectImage(input.bytes);
  const stored = await mediaStore.save({
    documentId: doc.id,
    uploadedById: actor.id,
    fileName: cleanFileName(input.fileName),
    image,
  });
  return {
    id: stored.id,
    src: mediaSrc(stored.id),
    width: stored.width,
    height: stored.height,
    mimeType: stored.mimeType,
    byteSize: stored.byteSize,
    fileName: stored.fileName,
  };
}
