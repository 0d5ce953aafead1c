import "server-only";
import type { Prisma, Tx } from "@/lib/db";
import { sendMail } from "@/lib/email/send";
import { describeNotification, type NotificationData, type NotificationType } from "./messages";

type Pending = { to: string; subject: string; text: string };

/**
 * Inbox entries are written inside the caller's transaction (they commit or roll
 * back with the change they describe); their emails are sent only after commit,
 * without awaiting, so mail never blocks or fails the operation.
 */
export class Outbox {
  private pending: Pending[] = [];

  async notify(tx: Tx, n: { userId: string; documentId: string; type: NotificationType; data: NotificationData }): Promise<void> {
    await tx.notification.create({ data: { userId: n.userId, documentId: n.documentId, type: n.type, data: n.data as Prisma.InputJsonValue } });
    if (!process.env.SMTP_URL) return;
    const user = await tx.user.findUnique({ where: { id: n.userId }, select: { email: true, name: true } });
    if (!user) return;
    const line = describeNotification(n.type, n.data);
    const link = `${(process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "")}/docs/${n.data.docSlug}`;
    const note = n.data.body || n.data.message;
    this.pending.push({
      to: user.email,
      subject: line.replace(/[“”]/g, '"'),
      text: `Hi ${user.name},\n\n${line}.\n${note ? `\n> ${note.replace(/\n/g, "\n> ")}\n` : ""}\nOpen the doc: ${link}\nYour inbox: ${link.replace(/\/docs\/.*$/, "/inbox")}\n`,
    });
  }

  /** Call after the transaction committed. Returns the delivery promise for tests; callers do not await it. */
  flush(): Promise<boolean[]> {
    const batch = this.pending;
    this.pending = [];
    return Promise.all(batch.map((m) => sendMail(m)));
  }
}
