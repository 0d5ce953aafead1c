import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { describeNotification, type NotificationData } from "./messages";

export type NotificationDTO = {
  id: string;
  type: string;
  text: string;
  body: string | null;
  docSlug: string;
  /** Where the entry links: the doc, or (for entries not about a doc) the page named in its data. */
  href: string;
  createdAt: string;
  read: boolean;
};

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

/** The actor's inbox, newest first; only their own rows (userId from the session). */
export async function listNotifications(actor: Actor, opts: { limit?: number } = {}): Promise<NotificationDTO[]> {
  const rows = await db.notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: Math.min(opts.limit ?? 100, 200),
    select: { id: true, type: true, data: true, readAt: true, createdAt: true },
  });
  return rows.map((r) => {
    const data = r.data as NotificationData;
    return {
      id: r.id,
      type: r.type,
      text: describeNotification(r.type, data),
      body: data.body ?? data.message ?? null,
      docSlug: data.docSlug,
      href: data.href ?? `/docs/${data.docSlug}`,
      createdAt: r.createdAt.toISOString(),
      read: !!r.readAt,
    };
  });
}

/** Mark some (or, without ids, all) of the actor's notifications read. Other people's ids are silently ignored. */
export async function markNotificationsRead(actor: Actor, ids?: string[]): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids.slice(0, 200) } } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}
