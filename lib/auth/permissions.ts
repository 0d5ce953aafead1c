import type { WorkspaceRole } from "@/lib/db/generated/enums";

/**
 * What each workspace role may do: the one table every domain check reads.
 * Pure (no I/O) and client-safe, so the UI hides what the server would refuse.
 */
export const WORKSPACE_PERMISSIONS = {
  "workspace.view": ["OWNER", "ADMIN", "MEMBER", "VIEWER"],
  "workspace.update": ["OWNER", "ADMIN"],
  "members.invite": ["OWNER", "ADMIN"],
  "members.manage": ["OWNER", "ADMIN"],
  "templates.manage": ["OWNER", "ADMIN"],
  "doc.create": ["OWNER", "ADMIN", "MEMBER"],
  "doc.edit": ["OWNER", "ADMIN", "MEMBER"],
  "doc.review": ["OWNER", "ADMIN", "MEMBER"],
  "doc.comment": ["OWNER", "ADMIN", "MEMBER", "VIEWER"],
  "doc.view": ["OWNER", "ADMIN", "MEMBER", "VIEWER"],
} as const satisfies Record<string, readonly WorkspaceRole[]>;

export type WorkspacePermission = keyof typeof WORKSPACE_PERMISSIONS;

export const WORKSPACE_ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const satisfies readonly WorkspaceRole[];

export const ROLE_LABELS: Record<WorkspaceRole, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MEMBER: "Member",
  VIEWER: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<WorkspaceRole, string> = {
  OWNER: "Everything, including managing owners",
  ADMIN: "Invite and manage members, manage templates",
  MEMBER: "Write docs and review others' docs",
  VIEWER: "Read and comment",
};

export function can(role: WorkspaceRole | null | undefined, permission: WorkspacePermission): boolean {
  return !!role && (WORKSPACE_PERMISSIONS[permission] as readonly WorkspaceRole[]).includes(role);
}

/**
 * Whether `actorRole` may give `target` the role `next` (or remove them when next is null).
 * Admins manage members and viewers; only owners touch owners and admins.
 */
export function canManageMember(actorRole: WorkspaceRole, target: WorkspaceRole, next: WorkspaceRole | null): boolean {
  if (!can(actorRole, "members.manage")) return false;
  if (actorRole === "OWNER") return true;
  const protectedRoles: WorkspaceRole[] = ["OWNER", "ADMIN"];
  return !protectedRoles.includes(target) && (next === null || !protectedRoles.includes(next));
}
