"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { getBaseUrl } from "@/lib/http/base-url";
import { addDocMember, removeDocMember } from "@/lib/sharing/doc-members";
import type { AddedDocMemberDTO, CreatedShareLinkDTO, ShareLinkDTO, SharingStateDTO } from "@/lib/sharing/dto";
import { revokeDocInvitation } from "@/lib/sharing/doc-invitations";
import { getSharingState } from "@/lib/sharing/queries";
import type { TAddDocMember, TCreateShareLink } from "@/lib/sharing/schemas";
import { adoptShareLink } from "@/lib/sharing/adopt-share-link";
import { createShareLink, revokeShareLink } from "@/lib/sharing/share-links";

/** What the share dialog shows when it opens (loaded then, so the doc page stays as fast as before). */
export async function getSharingStateAction(docId: string): Promise<ActionResult<SharingStateDTO>> {
  return runAction(async () => getSharingState(await requireActor(), docId, getBaseUrl(await headers())));
}

export async function createShareLinkAction(
  docId: string,
  input: TCreateShareLink,
): Promise<ActionResult<CreatedShareLinkDTO>> {
  return runAction(async () => createShareLink(await requireActor(), docId, input, getBaseUrl(await headers())));
}

export async function revokeShareLinkAction(docId: string, linkId: string): Promise<ActionResult<ShareLinkDTO>> {
  return runAction(async () => revokeShareLink(await requireActor(), docId, linkId));
}

/** A link stopped because its creator lost access: it becomes the caller's and works again. */
export async function adoptShareLinkAction(docId: string, linkId: string): Promise<ActionResult<ShareLinkDTO>> {
  return runAction(async () => adoptShareLink(await requireActor(), docId, linkId));
}

export async function addDocMemberAction(
  docId: string,
  input: TAddDocMember,
): Promise<ActionResult<AddedDocMemberDTO>> {
  return runAction(async () => {
    const added = await addDocMember(await requireActor(), docId, input, getBaseUrl(await headers()));
    revalidatePath("/docs/[slug]", "page");
    return added;
  });
}

/** Withdraw a pending doc invitation: its link stops working. */
export async function revokeDocInvitationAction(docId: string, invitationId: string): Promise<ActionResult> {
  return runAction(async () => {
    await revokeDocInvitation(await requireActor(), docId, invitationId);
    return undefined;
  });
}

export async function removeDocMemberAction(docId: string, userId: string): Promise<ActionResult> {
  return runAction(async () => {
    await removeDocMember(await requireActor(), docId, userId);
    revalidatePath("/docs/[slug]", "page");
    return undefined;
  });
}
