import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db, Prisma, type WorkspaceRole } from "@/lib/db";
import { requireWorkspace } from "./access";

export async function listMyWorkspaces(actor: Actor) {
  const rows = await db.membership.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
  });
  return rows.map((r) => ({ ...r.workspace, role: r.role }));
}

/**
 * The app header's data in one statement: the actor's workspaces (oldest membership first) and their unread inbox
 * count.
 */
export async function getHeaderData(
  actor: Actor,
): Promise<{ workspaces: { id: string; name: string; slug: string; role: WorkspaceRole }[]; unreadCount: number }> {
  const [row] = await db.$queryRaw<
    { workspaces: { id: string; name: string; slug: string; role: WorkspaceRole }[]; unreadCount: number }[]
  >(headerRowSql(actor.id));
  return row ?? { workspaces: [], unreadCount: 0 };
}

/** getHeaderData's statement; lib/docs/page-cache.ts fingerprints it too. */
export function headerRowSql(userId: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT
      coalesce((SELECT json_agg(json_build_object('id', w.id, 'name', w.name, 'slug', w.slug, 'role', m.role)
          ORDER BY m."createdAt", m.id)
        FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
        WHERE m."userId" = ${userId}), '[]'::json) AS workspaces,
      (SELECT count(*)::int FROM "Notification" n
        WHERE n."userId" = ${userId} AND n."readAt" IS NULL) AS "unreadCount"`;
}

export type MemberDTO = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: import("@/lib/db").WorkspaceRole;
  joinedAt: string;
};

export async function listMembers(actor: Actor, workspaceId: string): Promise<MemberDTO[]> {
  await requireWorkspace(actor, { id: workspaceId });
  const rows = await db.membership.findMany({
    where: { workspaceId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => ({
    membershipId: r.id,
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    role: r.role,
    joinedAt: r.createdAt.toISOString(),
  }));
}

/** How many docs a workspace holds (archived included): what deleting it would take with it. */
export async function countWorkspaceDocs(actor: Actor, workspaceId: string): Promise<number> {
  const { workspace } = await requireWorkspace(actor, { id: workspaceId });
  return db.document.count({ where: { workspaceId: workspace.id } });
}
