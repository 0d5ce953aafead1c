import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { docCan, docRoleFromMember, docRoleFromWorkspace, maxDocRole, type DocRole } from "@/lib/docs/policy";

export type ReviewerCandidate = { userId: string; name: string; role: DocRole };

/**
 * Everyone with an account who can read a doc, with their doc role: workspace members
 * and people invited to the doc alone (an outside architect asked to review), the
 * stronger of the two when someone is both. The same rule as the access choke point
 * (lib/docs/access.ts), so a reviewer asked here can always open what they review.
 */
export async function peopleWithDocRoles(
  doc: { id: string; workspaceId: string; authorId: string },
  userIds?: readonly string[],
  tx: Tx = db,
): Promise<ReviewerCandidate[]> {
  const only = userIds ? { userId: { in: [...userIds] } } : {};
  const [members, invited] = await Promise.all([
    tx.membership.findMany({
      where: { workspaceId: doc.workspaceId, ...only },
      select: { userId: true, role: true, user: { select: { name: true } } },
    }),
    tx.docMember.findMany({
      where: { documentId: doc.id, ...only },
      select: { userId: true, role: true, user: { select: { name: true } } },
    }),
  ]);
  const people = new Map<string, ReviewerCandidate>();
  for (const m of members)
    people.set(m.userId, {
      userId: m.userId,
      name: m.user.name,
      role: docRoleFromWorkspace(m.role, m.userId === doc.authorId),
    });
  for (const d of invited) {
    const seen = people.get(d.userId);
    people.set(d.userId, {
      userId: d.userId,
      name: d.user.name,
      role: maxDocRole(seen?.role ?? null, docRoleFromMember(d.role))!,
    });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Who may be asked: review permission on this doc, and not its author. */
export function canBeAsked(person: ReviewerCandidate, authorId: string): boolean {
  return person.userId !== authorId && docCan(person.role, "review");
}
