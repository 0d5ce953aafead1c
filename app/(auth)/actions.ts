"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formFields, keepValues, runAction, type ActionResult } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { revokeAllSessions, requireActor } from "@/lib/auth/session";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { signUp } from "@/lib/auth/sign-up";
import { issueSignInTicket } from "@/lib/auth/ticket";
import { clientIp } from "@/lib/http/route";
import { acceptInvitation } from "@/lib/workspaces/invitations";
import { safeReturnPath } from "@/lib/safe-redirect";

export async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = formFields(form);
  const result = await runAction(async () => verifyCredentials(input, clientIp(await headers())));
  if (!result.ok) return keepValues(result, input, ["email"]);
  await signIn("credentials", { ticket: issueSignInTicket(result.data.id), redirect: false });
  redirect(safeReturnPath(input.callbackUrl) ?? "/");
}

export async function signUpAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = formFields(form);
  const result = await runAction(async () => signUp(input));
  if (!result.ok) return keepValues(result, input, ["name", "email"]);
  await signIn("credentials", { ticket: issueSignInTicket(result.data.userId), redirect: false });
  if (input.invitation) {
    const accepted = await runAction(async () =>
      acceptInvitation({ id: result.data.userId, name: input.name ?? "", email: (input.email ?? "").trim().toLowerCase() }, input.invitation!),
    );
    if (accepted.ok) redirect(`/w/${accepted.data.workspaceSlug}`);
  }
  redirect(`/w/${result.data.workspaceSlug}?welcome=1`);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/sign-in?signedOut=1");
}

/** Every device, this one included, must sign in again. */
export async function signOutEverywhereAction(): Promise<ActionResult> {
  const result = await runAction(async () => revokeAllSessions(await requireActor()));
  if (!result.ok) return result;
  await signOut({ redirect: false });
  redirect("/sign-in?signedOut=everywhere");
}
