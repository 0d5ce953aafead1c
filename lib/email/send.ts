import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

let transport: Transporter | null | undefined;

function getTransport(): Transporter | null {
  if (transport === undefined)
    transport = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transport;
}

/**
 * Send a plain-text email. Returns false (and logs) when SMTP is not configured or
 * delivery fails; callers then show the link to the user instead. Mail never blocks
 * or breaks the operation that caused it.
 */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const t = getTransport();
  const m = metrics();
  if (!t) {
    m.emails.inc({ outcome: "not_configured" });
    return false;
  }
  m.emailsInFlight.inc();
  try {
    await t.sendMail({ from: process.env.SMTP_FROM ?? "Design Review <no-reply@design-review.local>", ...message });
    m.emails.inc({ outcome: "sent" });
    return true;
  } catch (error) {
    m.emails.inc({ outcome: "failed" });
    // Never the address or the message: the mail may carry a sign-in or invitation link.
    logger.error({ error: String(error) }, "email delivery failed");
    return false;
  } finally {
    m.emailsInFlight.dec();
  }
}

/** Tests point SMTP_URL at a server they started; forget the cached transport. */
export function resetMailTransport(): void {
  transport = undefined;
}
