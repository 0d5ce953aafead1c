/**
 * Test data builders: every test creates its own users, workspaces and docs.
 * They go through the domain functions, so the data is what the app would make.
 */
import { signUp } from "@/lib/auth/sign-up";
import type { Actor } from "@/lib/auth/session";
import { db, type WorkspaceRole } from "@/lib/db";

let counter = 0;
export const uniqueEmail = (prefix = "user") =>
  `${prefix}-${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 6)}@example.test`;
export const TEST_PASSWORD = "correct horse battery";

/** A signed-up user with their own workspace (as after the sign-up form). */
export async function createUser(opts: { name?: string; email?: string; password?: string } = {}) {
  const email = opts.email ?? uniqueEmail();
  const name = opts.name ?? "Test User";
  const { userId, workspaceSlug } = await signUp({ name, email, password: opts.password ?? TEST_PASSWORD });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: workspaceSlug } });
  const actor: Actor = { id: userId, name, email };
  return { actor, workspace };
}

/** Add an existing user to a workspace with a role, directly (no invitation). */
export async function addMember(workspaceId: string, actor: Actor, role: WorkspaceRole) {
  return db.membership.create({ data: { workspaceId, userId: actor.id, role } });
}

/** A user who is a member of `workspaceId` with `role` (and owns an unrelated workspace of their own). */
export async function createMember(workspaceId: string, role: WorkspaceRole, name = `${role.toLowerCase()} user`) {
  const user = await createUser({ name });
  const membership = await addMember(workspaceId, user.actor, role);
  return { ...user, membership };
}
