"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { getBaseUrl } from "@/lib/http/base-url";
import { inviteMember, revokeInvitation } from "@/lib/workspaces/invitations";
import { changeMemberRole, removeMember, renameWorkspace } from "@/lib/workspaces/members";

type Invited = { email: string; link: string; emailed: boolean };

function fields(form: FormData) {
  return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
}

export async function inviteMemberAction(workspaceId: string, _prev: ActionResult<Invited> | null, form: FormData): Promise<ActionResult<Invited>> {
  return runAction(async () => {
    const result = await inviteMember(await requireActor(), workspaceId, fields(form), getBaseUrl(await headers()));
    revalidatePath("/w/[workspace]/settings", "page");
    return { email: result.email, link: result.link, emailed: result.emailed };
  });
}

export async function revokeInvitationAction(workspaceId: string, invitationId: string): Promise<ActionResult> {
  return runAction(async () => {
    await revokeInvitation(await requireActor(), workspaceId, invitationId);
    revalidatePath("/w/[workspace]/settings", "page");
    return undefined;
  });
}

export async function changeRoleAction(workspaceId: string, membershipId: string, role: string): Promise<ActionResult> {
  return runAction(async () => {
    await changeMemberRole(await requireActor(), workspaceId, { membershipId, role });
    revalidatePath("/w/[workspace]/settings", "page");
    return undefined;
  });
}

export async function removeMemberAction(workspaceId: string, membershipId: string): Promise<ActionResult> {
  return runAction(async () => {
    await removeMember(await requireActor(), workspaceId, { membershipId });
    revalidatePath("/w/[workspace]/settings", "page");
    return undefined;
  });
}

export async function renameWorkspaceAction(workspaceId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await renameWorkspace(await requireActor(), workspaceId, fields(form));
    revalidatePath("/w/[workspace]", "layout");
    return undefined;
  });
}
