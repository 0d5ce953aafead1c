"use server";

import { redirect } from "next/navigation";
import { formFields, runAction, type ActionResult } from "@/lib/action";
import { acceptInvitationLink } from "@/lib/auth/invitation-lookup";
import { requireActor } from "@/lib/auth/session";

/** Accept a workspace or doc invitation as the signed-in account it was sent to; on to what it opens. */
export async function acceptInvitationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => acceptInvitationLink(await requireActor(), formFields(form).token ?? ""));
  if (!result.ok) return result;
  redirect(result.data.redirectTo);
}
