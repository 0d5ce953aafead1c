import type { Actor } from "@/lib/auth/session";
import { makePng } from "@/lib/media/fixtures";
import { uploadDocImage } from "@/lib/media/upload";

/** An image uploaded to a doc through the domain function (a flat PNG; `width` varies its bytes). */
export async function createTestImage(
  actor: Actor,
  docId: string,
  opts: { width?: number; height?: number; fileName?: string } = {},
) {
  const bytes = await makePng(opts.width ?? 48, opts.height ?? 32);
  return uploadDocImage(actor, docId, { bytes, fileName: opts.fileName ?? "diagram.png" });
}
