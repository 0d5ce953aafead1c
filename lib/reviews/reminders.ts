import "server-only";
import { db } from "@/lib/db";
import { Outbox } from "@/lib/notifications/outbox";
import { latestDecisive, reviewerState } from "./derive-status";

const DAY = 86_400_000;

type Kind = "due_soon" | "overdue";

/**
 * Due-date reminders, each sent once per request (inbox, and email as the person chose): the day before
 * ("due tomorrow") and once past due ("overdue"), only to reviewers who still owe a decision (pending, or
 * their approval went stale) on a doc they can still open. Run by the background timer (lib/jobs.ts);
 * `now` is a parameter so tests can move the clock. Safe to run on several app processes at once:
 * each reminder is claimed by a conditional update before it is sent.
 */
export async function sendDueReminders(now = new Date()): Promise<{ dueSoon: number; overdue: number }> {
  return { dueSoon: await remind("due_soon", now), overdue: await remind("overdue", now) };
}

async function remind(kind: Kind, now: Date): Promise<number> {
  const flag = kind === "due_soon" ? "dueSoonRemindedAt" : "overdueRemindedAt";
  const dueAt = kind === "due_soon" ? { gt: now, lte: new Date(now.getTime() + DAY) } : { lte: now };
  const requests = await db.reviewRequest.findMany({
    where: {
      cancelledAt: null,
      dueAt,
      [flag]: null,
      document: {
        archivedAt: null,
        status: { in: ["IN_REVIEW", "CHANGES_REQUESTED"] },
      },
    },
    take: 500,
    select: {
      id: true,
      reviewerId: true,
      sectionKeys: true,
      dueAt: true,
      document: {
        select: {
          id: true,
          title: true,
          slug: true,
          workspaceId: true,
          verdicts: { select: { reviewerId: true, kind: true, sectionKeys: true, staleAt: true, createdAt: true } },
        },
      },
    },
  });
  let sent = 0;
  for (const r of requests) {
    const latest = latestDecisive(
      r.document.verdicts.filter((v) => v.reviewerId === r.reviewerId).map((v) => ({ ...v, stale: !!v.staleAt })),
    ).get(r.reviewerId);
    const state = reviewerState({ reviewerId: r.reviewerId, sectionKeys: r.sectionKeys }, latest);
    if (state !== "pending" && state !== "stale") continue;
    if (!(await canStillOpen(r.reviewerId, r.document.id, r.document.workspaceId))) continue;
    const outbox = new Outbox();
    const claimed = await db.$transaction(async (tx) => {
      const { count } = await tx.reviewRequest.updateMany({ where: { id: r.id, [flag]: null }, data: { [flag]: now } });
      if (count === 0) return false; // another process sent it
      await outbox.notify(tx, {
        userId: r.reviewerId,
        documentId: r.document.id,
        type: kind === "due_soon" ? "review.due_soon" : "review.overdue",
        data: { docTitle: r.document.title, docSlug: r.document.slug, dueAt: r.dueAt?.toISOString() ?? null },
      });
      return true;
    });
    if (claimed) {
      sent += 1;
      void outbox.flush();
    }
  }
  return sent;
}

/** The two grants a signed-in reviewer can hold (the same as requireDocAccess reads). */
async function canStillOpen(userId: string, docId: string, workspaceId: string): Promise<boolean> {
  const [member, docMember] = await Promise.all([
    db.membership.findFirst({ where: { userId, workspaceId }, select: { userId: true } }),
    db.docMember.findFirst({ where: { userId, documentId: docId }, select: { userId: true } }),
  ]);
  return !!member || !!docMember;
}
