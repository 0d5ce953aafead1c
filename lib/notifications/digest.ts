import "server-only";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { digestMail } from "./mail";
import type { NotificationData } from "./messages";

const DAY = 86_400_000;

/**
 * The daily email digest for people who chose it (User.emailDigest = DAILY): at most one email a day with
 * every notification whose email is still owed (Notification.emailedAt null, lib/notifications/outbox.ts).
 * Each person's digest is claimed by a conditional update first, so two app processes never both send it.
 */
export async function sendDailyDigests(now = new Date()): Promise<number> {
  if (!process.env.SMTP_URL) return 0;
  const due = await db.user.findMany({
    where: {
      emailDigest: "DAILY",
      OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: new Date(now.getTime() - DAY) } }],
      notifications: { some: { emailedAt: null } },
    },
    take: 500,
    select: { id: true, name: true, email: true, lastDigestAt: true },
  });
  let sent = 0;
  for (const user of due) {
    const items = await db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: user.id, lastDigestAt: user.lastDigestAt },
        data: { lastDigestAt: now },
      });
      if (count === 0) return [];
      const owed = await tx.notification.findMany({
        where: { userId: user.id, emailedAt: null },
        orderBy: { createdAt: "asc" },
        take: 200,
        select: { id: true, type: true, data: true },
      });
      await tx.notification.updateMany({ where: { id: { in: owed.map((n) => n.id) } }, data: { emailedAt: now } });
      return owed;
    });
    if (items.length === 0) continue;
    const mail = digestMail(
      user.name,
      items.map((n) => ({ type: n.type, data: n.data as NotificationData })),
    );
    if (await sendMail({ to: user.email, ...mail })) sent += 1;
  }
  return sent;
}

/** The person's choice: every notification emailed at once, or one digest a day. */
export async function setEmailDigest(actor: { id: string }, value: unknown): Promise<"IMMEDIATE" | "DAILY"> {
  const digest = value === "DAILY" ? "DAILY" : value === "IMMEDIATE" ? "IMMEDIATE" : null;
  if (!digest) throw new AppError("INVALID_INPUT", "Choose “immediately” or “daily digest”.");
  await db.user.update({ where: { id: actor.id }, data: { emailDigest: digest } });
  // Switching to immediately: nothing stays owed to a digest that will not come.
  if (digest === "IMMEDIATE")
    await db.notification.updateMany({ where: { userId: actor.id, emailedAt: null }, data: { emailedAt: new Date() } });
  return digest;
}

export async function getEmailDigest(actor: { id: string }): Promise<"IMMEDIATE" | "DAILY"> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { emailDigest: true } });
  return user?.emailDigest ?? "IMMEDIATE";
}
