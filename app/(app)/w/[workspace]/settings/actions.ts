"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { argText, formFields, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { getBaseUrl } from "@/lib/http/base-url";
import { redirect } from "next/navigation";
import { deleteWorkspaceForGood } from "@/lib/workspaces/delete-workspace";
import { inviteMember, revokeInvitation } from "@/lib/workspaces/invitations";
import { setRemoteImagesAllowed } from "@/lib/media/remote-images";
import { changeMemberRole, removeMember, renameWorkspace } from "@/lib/workspaces/members";
import { setReviewSettings, type WorkspaceSettingsDTO } from "@/lib/workspaces/settings";

type Invited = { email: string; link: string; emailed: boolean };

export async function inviteMemberAction(
  workspaceId: string,
  _prev: ActionResult<Invited> | null,
  form: FormData,
): Promise<ActionResult<Invited>> {
  return runAction(async () => {
    const result = await inviteMember(
      await requireActor(),
      argText(workspaceId),
      formFields(form),
      getBaseUrl(await headers()),
    );
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

export async function renameWorkspaceAction(
  workspaceId: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return runAction(async () => {
    await renameWorkspace(await requireActor(), argText(workspaceId), formFields(form));
    revalidatePath("/w/[workspace]", "layout");
    return undefined;
  });
}

export async function setRemoteImagesAction(workspaceId: string, allowed: boolean): Promise<ActionResult> {
  return runAction(async () => {
    await setRemoteImagesAllowed(await requireActor(), argText(workspaceId), allowed);
    revalidatePath("/w/[workspace]/settings", "page");
    return undefined;
  });
}

/** Owners and admins: whether approvals must come from people who did not edit what they approve. */
export async function setReviewSettingsAction(
  workspaceId: string,
  settings: { independentApproval: boolean },
): Promise<ActionResult<WorkspaceSettingsDTO>> {
  return runAction(async () => {
    const saved = await setReviewSettings(await requireActor(), argText(workspaceId), settings);
    revalidatePath("/w/[workspace]/settings", "page");
    return saved;
  });
}

/** Owners: delete the workspace for good (its name typed again), then land in another workspace of theirs. */
export async function deleteWorkspaceAction(workspaceId: string, confirmName: string): Promise<ActionResult> {
  const result = await runAction(async () =>
    deleteWorkspaceForGood(await requireActor(), argText(workspaceId), { confirmName }),
  );
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/w/${encodeURIComponent(result.data.landing)}?workspaceDeleted=1`);
}
