import "server-only";
import { db, type Prisma } from "@/lib/db";
import { sendMail } from "@/lib/email/send";
import { describeNotification, type NotificationData } from "@/lib/notifications/messages";
import { RETRY_WINDOW_MS } from "./events";

/**
 * An endpoint that has failed for 24 hours (no success since its first failure) is turned off, and the workspace's
 * owners and admins are told in their inbox (and by email when SMTP is set up). Its waiting deliveries stay queued:
 * turning it on again sends those still within their 24 hours.
 */
export async function disableFailingWebhook(webhookId: string, now: Date, lastError: string): Promise<boolean> {
  const cutoff = new Date(now.getTime() - RETRY_WINDOW_MS);
  const hook = await db.webhook.findFirst({
    where: { id: webhookId, disabledAt: null, failingSince: { lte: cutoff } },
    select: { id: true, url: true, workspace: { select: { id: true, slug: true, name: true } } },
  });
  if (!hook) return false;
  const { count } = await db.webhook.updateMany({
    where: { id: hook.id, disabledAt: null },
    data: { disabledAt: now, disabledReason: `Failing for 24 hours; last error: ${lastError}`.slice(0, 500) },
  });
  if (count === 0) return false;
  const admins = await db.membership.findMany({
    where: { workspaceId: hook.workspace.id, role: { in: ["OWNER", "ADMIN"] } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  const data: NotificationData = {
    docTitle: hook.workspace.name,
    docSlug: "",
    href: `/w/${hook.workspace.slug}/settings/webhooks`,
    endpoint: new URL(hook.url).host,
  };
  await db.notification.createMany({
    data: admins.map((a) => ({ userId: a.user.id, type: "webhook.disabled", data: data as Prisma.InputJsonValue })),
  });
  if (process.env.SMTP_URL) {
    const line = describeNotification("webhook.disabled", data);
    const link = `${(process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "")}${data.href}`;
    for (const a of admins)
      void sendMail({
        to: a.user.email,
        subject: line,
        text:
          `Hi ${a.user.name},\n\n${line} in ${hook.workspace.name}.\nLast error: ${lastError}\n\n` +
          `Turn it on again once the receiver works: ${link}\n`,
      });
  }
  return true;
}
