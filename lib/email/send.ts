import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

let transport: Transporter | null | undefined;

function getTransport(): Transporter | null {
  if (transport === undefined) transport = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transport;
}

/**
 * Send a plain-text email. Returns false (and logs) when SMTP is not configured or
 * delivery fails; callers then show the link to the user instead. Mail never blocks
 * or breaks the operation that caused it.
 */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const t = getTransport();
  if (!t) return false;
  try {
    await t.sendMail({ from: process.env.SMTP_FROM ?? "Design Review <no-reply@design-review.local>", ...message });
    return true;
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "email delivery failed", to: message.to, error: String(error) }));
    return false;
  }
}

/** Tests point SMTP_URL at a server they started; forget the cached transport. */
export function resetMailTransport(): void {
  transport = undefined;
}
