"use server";

import { revalidatePath } from "next/cache";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { createApiToken, revokeApiToken, type ApiTokenDTO } from "@/lib/tokens/tokens";

/** A new personal access token; the token itself is in this answer only. */
export async function createApiTokenAction(
  input: unknown,
): Promise<ActionResult<{ token: string; apiToken: ApiTokenDTO }>> {
  return runAction(async () => {
    const created = await createApiToken(await requireActor(), input);
    revalidatePath("/w/[workspace]/settings/tokens", "page");
    return created;
  });
}

export async function revokeApiTokenAction(tokenId: string): Promise<ActionResult<ApiTokenDTO>> {
  return runAction(async () => {
    const revoked = await revokeApiToken(await requireActor(), argText(tokenId));
    revalidatePath("/w/[workspace]/settings/tokens", "page");
    return revoked;
  });
}
