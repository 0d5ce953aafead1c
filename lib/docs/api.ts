import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listMyWorkspaces } from "@/lib/workspaces/queries";

/** The workspace an API call is about: `?workspace=` (id or slug), else the caller's only/first one. */
export async function resolveWorkspaceId(actor: Actor, ref: string | null | undefined): Promise<string> {
  const mine = await listMyWorkspaces(actor);
  if (!ref) {
    if (!mine[0]) throw new AppError("NOT_FOUND", "You are not a member of any workspace.");
    return mine[0].id;
  }
  const found = mine.find((w) => w.id === ref || w.slug === ref);
  if (!found) throw new AppError("NOT_FOUND", "This workspace does not exist or you are not a member.");
  return found.id;
}
