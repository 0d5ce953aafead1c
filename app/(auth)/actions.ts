"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formFields, keepValues, runAction, type ActionResult } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth/next-auth";
import { revokeAllSessions, revokeCurrentSession, requireActor } from "@/lib/auth/session";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { confirmSignUp } from "@/lib/auth/confirm-sign-up";
import { deleteAccount } from "@/lib/auth/delete-account";
import { requestSignUp, type SignUpStarted } from "@/lib/auth/sign-up-request";
import { getBaseUrl } from "@/lib/http/base-url";
import { issueSignInTicket } from "@/lib/auth/ticket";
import { clientAddress } from "@/lib/http/client-address";
import { safeReturnPath } from "@/lib/safe-redirect";

export async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const input = formFields(form);
  const result = await runAction(async () => verifyCredentials(input, clientAddress(await headers())));
  if (!result.ok) return keepValues(result, input, ["email"]);
  await signIn("credentials", { ticket: issueSignInTicket(result.data.id), redirect: false });
  redirect(safeReturnPath(input.callbackUrl) ?? "/");
}

/** The same answer for every address: the link to finish arrives by email (lib/auth/sign-up-request.ts). */
export async function signUpAction(
  _prev: ActionResult<SignUpStarted> | null,
  form: FormData,
): Promise<ActionResult<SignUpStarted>> {
  const input = formFields(form);
  const result = await runAction(async () => {
    const requestHeaders = await headers();
    return requestSignUp(input, { ip: clientAddress(requestHeaders), baseUrl: getBaseUrl(requestHeaders) });
  });
  return keepValues(result, input, ["name", "email"]);
}

/** The button on /confirm-email/<token>: the account is created, signed in, and on to where the sign-up led. */
export async function confirmSignUpAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => confirmSignUp(formFields(form).token));
  if (!result.ok) return result;
  await signIn("credentials", { ticket: issueSignInTicket(result.data.userId), redirect: false });
  redirect(result.data.redirectTo);
}

export async function signOutAction(): Promise<void> {
  await revokeCurrentSession();
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

/** Delete one's own account (password typed again); every session ends and the person lands on the sign-in page. */
export async function deleteAccountAction(password: string): Promise<ActionResult> {
  const result = await runAction(async () => deleteAccount(await requireActor(), { password }));
  if (!result.ok) return result;
  await signOut({ redirect: false });
  redirect("/sign-in?accountDeleted=1");
}
