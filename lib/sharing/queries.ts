import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { docCan } from "@/lib/docs/policy";
import { listDocInvitations } from "./doc-invitations";
import { listDocMembers } from "./doc-members";
import type { SharingStateDTO } from "./dto";
import { listShareLinks } from "./share-links";

/**
 * Everything the share dialog shows. Anyone who can read the doc gets its canonical
 * link; people, links and the workspace's size only those who may share (owners, editors).
 */
export async function getSharingState(actor: Actor, docId: string, baseUrl: string): Promise<SharingStateDTO> {
  const { doc, role } = await requireDocAccess(actor, { id: docId }, "view");
  const canonicalUrl = `${baseUrl.replace(/\/$/, "")}/docs/${doc.slug}`;
  if (!docCan(role, "share"))
    return {
      canonicalUrl,
      canShare: false,
      workspace: { name: "", memberCount: 0 },
      members: [],
      invitations: [],
      links: [],
    };
  const [workspace, members, invitations, links] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: doc.workspaceId },
      select: { name: true, _count: { select: { memberships: true } } },
    }),
    listDocMembers(actor, doc.id),
    listDocInvitations(actor, doc.id),
    listShareLinks(actor, doc.id),
  ]);
  return {
    canonicalUrl,
    canShare: true,
    workspace: { name: workspace.name, memberCount: workspace._count.memberships },
    members,
    invitations,
    links,
  };
}
