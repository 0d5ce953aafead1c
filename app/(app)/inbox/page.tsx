import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/app-header";
import { EmailDigestForm } from "@/components/notifications/email-digest-form";
import { InboxList } from "@/components/notifications/inbox-list";
import { requirePageActor } from "@/lib/auth/session";
import { getEmailDigest } from "@/lib/notifications/digest";
import { listNotifications } from "@/lib/notifications/queries";
import { getHeaderData } from "@/lib/workspaces/queries";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const actor = await requirePageActor("/inbox");
  const [{ workspaces, unreadCount }, items, digest] = await Promise.all([
    getHeaderData(actor),
    listNotifications(actor),
    getEmailDigest(actor),
  ]);
  const current = workspaces[0];
  return (
    <div className="flex min-h-dvh flex-col bg-white">
      {current && (
        <AppHeader
          user={{ name: actor.name, email: actor.email }}
          workspaces={workspaces}
          current={current}
          unreadCount={unreadCount}
        />
      )}
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Inbox</h1>
          <EmailDigestForm initial={digest} />
        </div>
        <InboxList items={items} />
      </main>
    </div>
  );
}
