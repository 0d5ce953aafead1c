"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { getBaseUrl } from "@/lib/http/base-url";
import { addDocMember, removeDocMember } from "@/lib/sharing/doc-members";
import type { CreatedShareLinkDTO, DocMemberDTO, ShareLinkDTO, SharingStateDTO } from "@/lib/sharing/dto";
import { getSharingState } from "@/lib/sharing/queries";
import type { TAddDocMember, TCreateShareLink } from "@/lib/sharing/schemas";
import { createShareLink, revokeShareLink } from "@/lib/sharing/share-links";

/** What the share dialog shows when it opens (loaded then, so the doc page stays as fast as before). */
export async function getSharingStateAction(docId: string): Promise<ActionResult<SharingStateDTO>> {
  return runAction(async () => getSharingState(await requireActor(), docId, getBaseUrl(await headers())));
}

export async function createShareLinkAction(docId: string, input: TCreateShareLink): Promise<ActionResult<CreatedShareLinkDTO>> {
  return runAction(async () => createShareLink(await requireActor(), docId, input, getBaseUrl(await headers())));
}

export async function revokeShareLinkAction(docId: string, linkId: string): Promise<ActionResult<ShareLinkDTO>> {
  return runAction(async () => revokeShareLink(await requireActor(), docId, linkId));
}

export async function addDocMemberAction(docId: string, input: TAddDocMember): Promise<ActionResult<DocMemberDTO>> {
  return runAction(async () => {
    const member = await addDocMember(await requireActor(), docId, input);
    revalidatePath("/docs/[slug]", "page");
    return member;
  });
}

export async function removeDocMemberAction(docId: string, userId: string): Promise<ActionResult> {
  return runAction(async () => {
    await removeDocMember(await requireActor(), docId, userId);
    revalidatePath("/docs/[slug]", "page");
    return undefined;
  });
}
