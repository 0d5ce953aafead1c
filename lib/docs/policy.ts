import type { DocMemberRole, ShareRole, WorkspaceRole } from "@/lib/db/generated/enums";

/**
 * Doc roles and what each may do: a pure table, unit-tested as a whole matrix
 * (policy.test.ts). The choke point (access.ts) resolves a caller's role from
 * their workspace role, their per-doc membership, or a share link, and asks
 * this table. Pure and client-safe, so the UI hides what the server would refuse.
 *
 * `commenter` and `reader` are the roles of share links (comment / view links):
 * people outside the workspace who hold a capability, not an account.
 */
export const DOC_ROLES = ["owner", "editor", "reviewer", "viewer", "commenter", "reader"] as const;
export type DocRole = (typeof DOC_ROLES)[number];

export const DOC_ACTIONS = ["view", "comment", "review", "edit", "share", "manage"] as const;
export type DocAction = (typeof DOC_ACTIONS)[number];

export const DOC_POLICY: Record<DocAction, readonly DocRole[]> = {
  view: ["owner", "editor", "reviewer", "viewer", "commenter", "reader"],
  comment: ["owner", "editor", "reviewer", "viewer", "commenter"],
  review: ["owner", "editor", "reviewer"],
  edit: ["owner", "editor"],
  // Share links and people with access (an editor may give others at most editor).
  share: ["owner", "editor"],
  // Archive/restore, lock, save as template.
  manage: ["owner"],
};

export function docCan(role: DocRole | null, action: DocAction): boolean {
  return !!role && DOC_POLICY[action].includes(role);
}

/** Higher is more. INVARIANT: a role's allowed actions include those of every lower member role. */
const RANK: Record<DocRole, number> = { reader: 0, commenter: 1, viewer: 2, reviewer: 3, editor: 4, owner: 5 };

export function docRoleRank(role: DocRole): number {
  return RANK[role];
}

/** The stronger of two roles (null = none). */
export function maxDocRole(a: DocRole | null, b: DocRole | null): DocRole | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** Author and workspace owners/admins own a doc; members edit; viewers view. */
export function docRoleFromWorkspace(role: WorkspaceRole, isAuthor: boolean): DocRole {
  if (isAuthor && role !== "VIEWER") return "owner";
  if (role === "OWNER" || role === "ADMIN") return "owner";
  if (role === "MEMBER") return "editor";
  return "viewer";
}

export const DOC_MEMBER_ROLES = ["OWNER", "EDITOR", "REVIEWER", "VIEWER"] as const satisfies readonly DocMemberRole[];

export function docRoleFromMember(role: DocMemberRole): DocRole {
  return ({ OWNER: "owner", EDITOR: "editor", REVIEWER: "reviewer", VIEWER: "viewer" } as const)[role];
}

export function docRoleFromShareLink(role: ShareRole): DocRole {
  return role === "COMMENT" ? "commenter" : "reader";
}

/**
 * Whether someone with `actorRole` may give (or take away) `target` on this doc. Nobody grants above their own role.
 */
export function canGrantDocRole(actorRole: DocRole, target: DocMemberRole): boolean {
  return docCan(actorRole, "share") && RANK[docRoleFromMember(target)] <= RANK[actorRole];
}

export function accessFor(role: DocRole) {
  return {
    role,
    canEdit: docCan(role, "edit"),
    canComment: docCan(role, "comment"),
    canReview: docCan(role, "review"),
    canShare: docCan(role, "share"),
    canManage: docCan(role, "manage"),
  };
}
