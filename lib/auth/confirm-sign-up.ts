import "server-only";
import { sha256Hex } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptDocInvitation } from "@/lib/sharing/doc-invitations";
import { acceptInvitationById } from "@/lib/workspaces/invitations";
import { createAccount } from "./sign-up";

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const GONE = "This link has expired or was already used. Sign up again to get a new one.";

/** What /confirm-email/<token> shows before the button is pressed; null for an unknown or expired link. */
export async function findSignUpRequest(token: unknown): Promise<{ name: string; email: string } | null> {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  return db.signUpRequest.findFirst({
    where: { tokenHash: sha256Hex(token), expiresAt: { gt: new Date() } },
    select: { name: true, email: true },
  });
}

/**
 * The emailed link was opened and its button pressed: the address is proven, so the
 * account (and its first workspace) is created now, once, and an invitation the
 * sign-up came from is accepted. Where to go next: the invited workspace or doc, else
 * the new workspace. A page, not the GET of the link, does this: mail scanners open links.
 */
export async function confirmSignUp(token: unknown): Promise<{ userId: string; redirectTo: string }> {
  if (typeof token !== "string" || !TOKEN.test(token)) throw new AppError("NOT_FOUND", GONE);
  const request = await db.signUpRequest.findFirst({
    where: { tokenHash: sha256Hex(token), expiresAt: { gt: new Date() } },
  });
  if (!request) throw new AppError("NOT_FOUND", GONE);
  const created = await createAccount(
    { name: request.name, email: request.email, passwordHash: request.passwordHash },
    // INVARIANT: the request is consumed in the account's transaction, so a link creates one account.
    async (tx) => {
      const { count } = await tx.signUpRequest.deleteMany({ where: { id: request.id } });
      if (count === 0) throw new AppError("NOT_FOUND", GONE);
      await tx.signUpRequest.deleteMany({ where: { email: request.email } });
    },
  );
  const actor = { id: created.userId, name: request.name, email: request.email };
  let redirectTo = `/w/${created.workspaceSlug}?welcome=1`;
  // An invitation that is no longer valid (withdrawn, expired, used) just does not apply.
  if (request.invitationId) {
    const joined = await acceptInvitationById(actor, request.invitationId).catch(() => null);
    if (joined) redirectTo = `/w/${joined.workspaceSlug}?joined=1`;
  } else if (request.docInvitationId) {
    const opened = await acceptDocInvitation(actor, request.docInvitationId).catch(() => null);
    if (opened) redirectTo = `/docs/${opened.docSlug}`;
  }
  return { userId: created.userId, redirectTo };
}
