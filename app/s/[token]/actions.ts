"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { argText, formFields, runAction, type ActionResult } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { getBaseUrl } from "@/lib/http/base-url";
import { clientAddress } from "@/lib/http/client-address";
import { resolveShareToken } from "@/lib/sharing/resolve-token";
import { ZSharePassword } from "@/lib/sharing/schemas";
import { parseInput } from "@/lib/validation";

/**
 * The password form of a protected share link. A right password sets a signed,
 * HttpOnly cookie scoped to this link's URL and reloads the page; a wrong one
 * answers with a message (rate-limited per link and address). The token is the
 * capability: no session is involved.
 */
export async function unlockShareLinkAction(
  token: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const requestHeaders = await headers();
  const result = await runAction(async () => {
    const { password } = parseInput(ZSharePassword, { password: formFields(form).password ?? "" });
    const access = await resolveShareToken(argText(token), {
      password,
      ip: clientAddress(requestHeaders),
      recordUse: false,
    });
    if (access.status === "password") throw new AppError("UNAUTHENTICATED", access.error ?? "Enter the password.");
    return access.unlock;
  });
  // Unknown, revoked or expired: the page itself shows the same 404 as any other.
  if (!result.ok && result.code === "NOT_FOUND") redirect(`/s/${encodeURIComponent(argText(token))}`);
  if (!result.ok) return result;
  if (result.data) {
    const { name, value, ...options } = result.data;
    (await cookies()).set(name, value, { ...options, secure: getBaseUrl(requestHeaders).startsWith("https://") });
  }
  redirect(`/s/${encodeURIComponent(argText(token))}`);
}
