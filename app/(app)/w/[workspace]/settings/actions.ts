"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { argText, formFields, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { getBaseUrl } from "@/lib/http/base-url";
import { inviteMember, revokeInvitation } from "@/lib/workspaces/invitations";
import { changeMemberRole, removeMember, renameWorkspace } from "@/lib/workspaces/members";

type Invited = { email: string; link: string; emailed: boolean };

export async function inviteMemberAction(workspaceId: string, _prev: ActionResult<Invited> | null, form: FormData): Promise<ActionResult<Invited>> {
  return runAction(async () => {
    const result = await inviteMember(await requireActor(), argText(workspaceId), formFields(form), getBaseUrl(await headers()));
    revalidatePath("/w/[workspace]/settings", "page");
    return { email: result.email, link: result.link, emailed: result.emailed };
  });
}

export async function revokeInvitationAction(workspaceId: string, invitationId: string): Promise<ActionResult> {
  return runAction(async () => {
    await revokeInvitation(await requireActor(), argText(workspaceId), argText(invitationId));
    revalidatePath("/w/[workspace]/settings", "page");
    return undefined;
  });
}

export async function changeRoleAction(workspaceId: string, membershipId: string, role: string): Promise<ActionResult> {
  return runAction(async () => {
    await changeMemberRole(await requireActor(), argText(workspaceId), { membershipId, role });
    revalidatePath("/w/[workspace]/settings", "page");
    return undefined;
  });
}

export async function removeMemberAction(workspaceId: string, membershipId: string): Promise<ActionResult> {
  return runAction(async () => {
    await removeMember(await requireActor(), argText(workspaceId), { membershipId });
    revalidatePath("/w/[workspace]/settings", "page");
    return undefined;
  });
}

export async function renameWorkspaceAction(workspaceId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await renameWorkspace(await requireActor(), argText(workspaceId), formFields(form));
    revalidatePath("/w/[workspace]", "layout");
    return undefined;
  });
}
