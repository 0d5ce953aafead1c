import type { WorkspaceRole } from "@/lib/db/generated/enums";

/**
 * Doc roles and what each may do: a pure table, unit-tested as a whole matrix.
 * A caller's doc role comes from their workspace role (docAccessFromWorkspace);
 * share links and per-doc invitations add roles through the same table.
 */
export const DOC_ROLES = ["owner", "editor", "reviewer", "viewer"] as const;
export type DocRole = (typeof DOC_ROLES)[number];

export const DOC_ACTIONS = ["view", "comment", "review", "edit", "manage"] as const;
export type DocAction = (typeof DOC_ACTIONS)[number];

export const DOC_POLICY: Record<DocAction, readonly DocRole[]> = {
  view: ["owner", "editor", "reviewer", "viewer"],
  comment: ["owner", "editor", "reviewer", "viewer"],
  review: ["owner", "editor", "reviewer"],
  edit: ["owner", "editor"],
  // Archive/restore, lock, share links, save as template.
  manage: ["owner"],
};

export function docCan(role: DocRole | null, action: DocAction): boolean {
  return !!role && DOC_POLICY[action].includes(role);
}

/** Author and workspace owners/admins own a doc; members edit; viewers view. */
export function docRoleFromWorkspace(role: WorkspaceRole, isAuthor: boolean): DocRole {
  if (isAuthor && role !== "VIEWER") return "owner";
  if (role === "OWNER" || role === "ADMIN") return "owner";
  if (role === "MEMBER") return "editor";
  return "viewer";
}

export function accessFor(role: DocRole) {
  return {
    role,
    canEdit: docCan(role, "edit"),
    canComment: docCan(role, "comment"),
    canReview: docCan(role, "review"),
    canManage: docCan(role, "manage"),
  };
}
