import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db";

/**
 * The workspace `/` sends a signed-in user to. Not simply the first one joined: an invited
 * reviewer's own (empty) workspace was made before they joined the team that invited them,
 * and landing there hid the review waiting for them. So: a workspace where a review waits
 * for them, else one with docs, else the first joined.
 */
export async function getHomeWorkspaceSlug(actor: Actor): Promise<string | null> {
  // Raw SQL: the ranking needs correlated EXISTS per membership, which Prisma's orderBy cannot say.
  const rows = await db.$queryRaw<{ slug: string }[]>(Prisma.sql`
    SELECT w.slug
    FROM "Membership" m JOIN "Workspace" w ON w.id = m."workspaceId"
    WHERE m."userId" = ${actor.id}
    ORDER BY
      EXISTS (SELECT 1 FROM "ReviewRequest" r JOIN "Document" d ON d.id = r."documentId"
              WHERE r."reviewerId" = ${actor.id} AND r."cancelledAt" IS NULL
                AND d."workspaceId" = w.id AND d."archivedAt" IS NULL) DESC,
      EXISTS (SELECT 1 FROM "Document" d WHERE d."workspaceId" = w.id AND d."archivedAt" IS NULL) DESC,
      m."createdAt" ASC
    LIMIT 1`);
  return rows[0]?.slug ?? null;
}
