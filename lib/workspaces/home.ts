import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** The workspace `/` sends a signed-in user to: their first membership. */
export async function getHomeWorkspaceSlug(actor: Actor): Promise<string | null> {
  const membership = await db.membership.findFirst({ where: { userId: actor.id }, orderBy: { createdAt: "asc" }, select: { workspace: { select: { slug: true } } } });
  return membership?.workspace.slug ?? null;
}
