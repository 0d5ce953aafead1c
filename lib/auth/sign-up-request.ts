import "server-only";
import { newToken, sha256Hex } from "@/lib/crypto";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/email/send";
import { parseInput } from "@/lib/validation";
import { findInvitation } from "./invitation-lookup";
import { hashPassword } from "./password";
import { assertNotRateLimited, recordHit, type Limit } from "./rate-limit";
import { ZSignUp } from "./schemas";

export const SIGN_UP_LINK_TTL_HOURS = 24;

/**
 * Every attempt counts (each costs an argon2 hash and sends an email): per client
 * address 10 an hour; per email address 3 an hour, so nobody is flooded with mail.
 */
export function signUpLimits(email: string, ip: string): Limit[] {
  return [
    { key: `sign-up:ip:${ip}`, limit: 10, windowSeconds: 3600 },
    { key: `sign-up:email:${email}`, limit: 3, windowSeconds: 3600 },
  ];
}

/** What the form shows afterwards: the same for every address, whether or not it has an account. */
export type SignUpStarted = { email: string; mailConfigured: boolean };

/**
 * Sign-up answers the same way whether or not the address has an account, so the
 * form cannot be used to find out who has one. The address's owner gets the answer
 * by email: a link that creates the account (lib/auth/confirm-sign-up.ts), or, when
 * there is an account already, a note that someone tried and a way to sign in. Both
 * paths hash the password and send mail in the background, so they also take the
 * same time. An invitation (workspace or doc) is remembered and accepted once the
 * address is confirmed: its link was shown to the inviter too, so it proves nothing
 * about who reads the mailbox.
 *
 * Without SMTP the message goes to the server log, for the operator to pass on.
 */
export async function requestSignUp(raw: unknown, opts: { ip: string; baseUrl: string }): Promise<SignUpStarted> {
  const input = parseInput(ZSignUp, raw);
  const limits = signUpLimits(input.email, opts.ip);
  await assertNotRateLimited(limits, "Too many sign-ups from here or for this address.");
  await recordHit(limits);
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { name: true } });
  const base = opts.baseUrl.replace(/\/$/, "");
  let message: { subject: string; text: string };
  if (existing) {
    message = {
      subject: "Someone tried to create a Design Review account with your address",
      text:
        `Hello ${existing.name},\n\nSomeone — perhaps you — just tried to create a Design Review account with this ` +
        `address. You already have one, so nothing was changed.\n\nSign in: ${base}/sign-in?email=` +
        `${encodeURIComponent(input.email)}\n\nIf it was not you, you can ignore this email.`,
    };
  } else {
    const token = newToken();
    const invitation = input.invitation ? await findInvitation(input.invitation) : null;
    const forThem = invitation?.state === "valid" && invitation.email === input.email ? invitation : null;
    await db.$transaction([
      db.signUpRequest.deleteMany({ where: { OR: [{ email: input.email }, { expiresAt: { lt: new Date() } }] } }),
      db.signUpRequest.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          tokenHash: sha256Hex(token),
          invitationId: forThem?.kind === "workspace" ? forThem.id : null,
          docInvitationId: forThem?.kind === "doc" ? forThem.id : null,
          expiresAt: new Date(Date.now() + SIGN_UP_LINK_TTL_HOURS * 3600_000),
        },
      }),
    ]);
    message = {
      subject: "Confirm your email to finish creating your Design Review account",
      text:
        `Hello ${input.name},\n\nOpen this link to finish creating your Design Review account:\n\n` +
        `${base}/confirm-email/${token}\n\nIt works once, for ${SIGN_UP_LINK_TTL_HOURS} hours. If you did not sign ` +
        `up, ignore this email: no account is created without it.`,
    };
  }
  void sendMail({ to: input.email, ...message }).then((sent) => {
    // No SMTP (or it failed): the operator reads it here and passes it on, as with invitation links.
    if (!sent)
      console.info(JSON.stringify({ level: "info", msg: "sign-up email not sent", to: input.email, ...message }));
  });
  return { email: input.email, mailConfigured: !!process.env.SMTP_URL };
}
