"use client";

import Link from "next/link";
import { useOptimistic, useTransition } from "react";
import { useRouter } from "next/navigation";
import {
  AlarmClock,
  AtSign,
  Bell,
  CheckCheck,
  CircleCheck,
  FileSearch,
  MessageSquareCheck,
  RotateCcw,
  RotateCw,
  TriangleAlert,
} from "lucide-react";
import { markReadAction } from "@/app/(app)/inbox/actions";
import { RelativeTime } from "@/components/docs/relative-time";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { NotificationDTO } from "@/lib/notifications/queries";

const ICONS: Record<string, typeof Bell> = {
  "review.requested": FileSearch,
  "review.verdict": TriangleAlert,
  "review.stale": RotateCcw,
  "review.approved": CircleCheck,
  "review.rerequested": RotateCw,
  "review.due_soon": AlarmClock,
  "review.overdue": AlarmClock,
  "comment.resolved": MessageSquareCheck,
  "section.mention": AtSign,
};

export function InboxList({ items }: { items: NotificationDTO[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, markLocally] = useOptimistic(items, (state, ids: string[] | "all") =>
    state.map((n) => (ids === "all" || ids.includes(n.id) ? { ...n, read: true } : n)),
  );
  const unread = shown.filter((n) => !n.read).length;
  const mark = (ids: string[] | "all") =>
    startTransition(async () => {
      markLocally(ids);
      await markReadAction(ids === "all" ? undefined : ids);
      router.refresh();
    });

  if (items.length === 0) {
    return (
      <EmptyState
        className="rounded-lg border border-dashed border-slate-300"
        icon={<Bell />}
        title="Nothing here yet"
        description="Review requests, verdicts on your docs and stale approvals show up here."
      />
    );
  }
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" aria-live="polite">
          {unread === 0 ? "All caught up." : `${unread} unread`}
        </p>
        <Button variant="secondary" size="sm" disabled={unread === 0} loading={pending} onClick={() => mark("all")}>
          <CheckCheck aria-hidden="true" /> Mark all as read
        </Button>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="inbox-list">
        {shown.map((n) => {
          const Icon = ICONS[n.type] ?? Bell;
          return (
            <li
              key={n.id}
              className={cn("flex items-start gap-3 px-4 py-3", !n.read && "bg-brand-50/40")}
              data-testid="inbox-item"
              data-read={n.read}
            >
              <Icon
                aria-hidden="true"
                className={cn("mt-0.5 size-4 shrink-0", n.read ? "text-slate-400" : "text-brand-700")}
              />
              <div className="min-w-0 flex-1">
                <Link
                  href={n.href}
                  onClick={() => !n.read && mark([n.id])}
                  className={cn(
                    "block text-sm hover:underline",
                    n.read ? "text-slate-700" : "font-semibold text-slate-900",
                  )}
                >
                  {!n.read && <span className="sr-only">Unread: </span>}
                  {n.text}
                </Link>
                {n.body && (
                  <p className="mt-1 line-clamp-2 border-l-2 border-slate-200 pl-2 text-sm text-slate-600">{n.body}</p>
                )}
                <p className="mt-0.5 text-xs text-slate-500">
                  <RelativeTime iso={n.createdAt} />
                </p>
              </div>
              {!n.read && (
                <Button variant="ghost" size="sm" onClick={() => mark([n.id])}>
                  Mark read
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
