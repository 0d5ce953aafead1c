import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { imageSrcKind } from "@/lib/editor/image-src";
import { AppError } from "@/lib/errors";
import { requireWorkspace } from "@/lib/workspaces/access";

/**
 * The workspace switch "allow remote images" (off by default). An image loaded from another
 * site tells that site who reads the doc, and when; so unless a workspace owner or admin turns
 * this on, Markdown imports keep such images as links (lib/docs import), and an edit may not
 * add one. Images already stored stay as they are when the switch changes.
 */
export const REMOTE_IMAGES_OFF =
  "Images from other websites are turned off in this workspace: upload the image instead, or ask a workspace " +
  "owner to allow remote images in Settings.";

/** For code that has already checked the caller's access to the workspace (imports, saves). */
export async function remoteImagesAllowed(workspaceId: string, client: Tx | typeof db = db): Promise<boolean> {
  const row = await client.workspace.findUnique({ where: { id: workspaceId }, select: { allowRemoteImages: true } });
  return row?.allowRemoteImages === true;
}

export async function getRemoteImagesSetting(actor: Actor, workspaceId: string): Promise<boolean> {
  const { workspace } = await requireWorkspace(actor, { id: workspaceId });
  return remoteImagesAllowed(workspace.id);
}

export async function setRemoteImagesAllowed(actor: Actor, workspaceId: string, allowed: unknown): Promise<void> {
  if (typeof allowed !== "boolean") throw new AppError("INVALID_INPUT", "Choose on or off.");
  const { workspace } = await requireWorkspace(actor, { id: workspaceId }, "workspace.update");
  await db.$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: workspace.id }, data: { allowRemoteImages: allowed } });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: actor.id,
      type: "workspace.remote-images",
      data: { allowed },
    });
  });
}

function remoteSrcs(doc: unknown, out = new Set<string>()): Set<string> {
  const node = doc as JSONContent | null;
  if (!node || typeof node !== "object") return out;
  if (node.type === "image" && imageSrcKind(node.attrs?.src) === "remote") out.add(String(node.attrs!.src));
  for (const child of node.content ?? []) remoteSrcs(child, out);
  return out;
}

/**
 * A save may not add a remote image where the workspace has them off (ones already in the
 * section may stay, so turning the switch off never blocks editing). The switch is read by the
 * content pipeline under its locks (lib/docs/content/rows.ts).
 */
export function checkRemoteImages(previous: unknown, next: JSONContent, allowed: boolean): void {
  if (allowed || !addsRemoteImages(previous, next)) return;
  throw new AppError("INVALID_INPUT", REMOTE_IMAGES_OFF, { fieldErrors: { content: [REMOTE_IMAGES_OFF] } });
}

function addsRemoteImages(previous: unknown, next: JSONContent): boolean {
  const before = remoteSrcs(previous);
  return [...remoteSrcs(next)].some((src) => !before.has(src));
}
