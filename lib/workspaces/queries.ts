import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireWorkspace } from "./access";

export async function listMyWorkspaces(actor: Actor) {
  const rows = await db.membership.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
  });
  return rows.map((r) => ({ ...r.workspace, role: r.role }));
}

export type MemberDTO = { membershipId: string; userId: string; name: string; email: string; role: import("@/lib/db").WorkspaceRole; joinedAt: string };

export async function listMembers(actor: Actor, workspaceId: string): Promise<MemberDTO[]> {
  await requireWorkspace(actor, { id: workspaceId });
  const rows = await db.membership.findMany({
    where: { workspaceId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => ({ membershipId: r.id, userId: r.user.id, name: r.user.name, email: r.user.email, role: r.role, joinedAt: r.createdAt.toISOString() }));
}
