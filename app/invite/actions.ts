"use server";

import { redirect } from "next/navigation";
import { formFields, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { acceptInvitation } from "@/lib/workspaces/invitations";

export async function acceptInvitationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => acceptInvitation(await requireActor(), formFields(form).token ?? ""));
  if (!result.ok) return result;
  redirect(`/w/${result.data.workspaceSlug}?joined=1`);
}
