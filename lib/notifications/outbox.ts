import "server-only";
import type { Prisma, Tx } from "@/lib/db";
import { sendMail } from "@/lib/email/send";
import { notificationMail } from "./mail";
import type { NotificationData, NotificationType } from "./messages";

type Pending = { notificationId: string; to: string; name: string; subject: string; text: string };
type Created = { id: string; userId: string; documentId: string; type: NotificationType; data: NotificationData };
type Note = { userId: string; documentId: string; type: NotificationType; data: NotificationData };

/**
 * Inbox entries are written inside the caller's transaction (they commit or roll
 * back with the change they describe); their emails are sent only after commit,
 * without awaiting, so mail never blocks or fails the operation.
 *
 * The rules every notification follows (issue 16), kept here so no caller can forget one:
 * - nobody is told of what they did themselves (`actorId`);
 * - one operation tells a person one thing about a doc: the approval that completes the
 *   sign-off is one notification for the author ("X approved “Doc”: it is approved"), not two;
 * - a person who chose the daily digest gets no email now: the digest sends it (./digest.ts).
 */
export class Outbox {
  private pending: Pending[] = [];
  private created: Created[] = [];

  /** `actorId`: who is acting; they are never notified by their own operation. */
  constructor(private readonly opts: { actorId?: string | null } = {}) {}

  async notify(tx: Tx, n: Note): Promise<void> {
    if (this.opts.actorId && n.userId === this.opts.actorId) return;
    if (n.type === "review.approved" && (await this.foldIntoApproval(tx, n))) return;
    const user = await tx.user.findUnique({
      where: { id: n.userId },
      select: { email: true, name: true, emailDigest: true },
    });
    if (!user) return;
    const mailNow = !!process.env.SMTP_URL && user.emailDigest === "IMMEDIATE";
    const owed = !!process.env.SMTP_URL && user.emailDigest === "DAILY";
    const row = await tx.notification.create({
      data: {
        userId: n.userId,
        documentId: n.documentId,
        type: n.type,
        data: n.data as Prisma.InputJsonValue,
        // INVARIANT: null only while a daily digest owes this email.
        emailedAt: owed ? null : new Date(),
      },
      select: { id: true },
    });
    this.created.push({ id: row.id, ...n });
    if (mailNow)
      this.pending.push({
        notificationId: row.id,
        to: user.email,
        name: user.name,
        ...notificationMail(n.type, n.data, user.name),
      });
  }

  /** The person was just told "X approved": that notification becomes "X approved; the doc is approved". */
  private async foldIntoApproval(tx: Tx, n: Note): Promise<boolean> {
    const verdict = this.created.find(
      (c) =>
        c.userId === n.userId &&
        c.documentId === n.documentId &&
        c.type === "review.verdict" &&
        c.data.kind === "APPROVE",
    );
    if (!verdict) return false;
    const data: NotificationData = { ...verdict.data, completes: true };
    await tx.notification.update({
      where: { id: verdict.id },
      data: { type: "review.approved", data: data as Prisma.InputJsonValue },
    });
    verdict.type = "review.approved";
    verdict.data = data;
    for (const p of this.pending)
      if (p.notificationId === verdict.id) Object.assign(p, notificationMail("review.approved", data, p.name));
    return true;
  }

  /** Call after the transaction committed. Returns the delivery promise for tests; callers do not await it. */
  flush(): Promise<boolean[]> {
    const batch = this.pending;
    this.pending = [];
    this.created = [];
    return Promise.all(batch.map(({ to, subject, text }) => sendMail({ to, subject, text })));
  }
}
