import Link from "next/link";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import type { Actor } from "@/lib/auth/session";
import { getHeaderData } from "@/lib/workspaces/queries";

/** The frame of the history pages: the app header, a way back to the doc, a title. */
export async function HistoryShell({
  actor,
  doc,
  title,
  children,
}: {
  actor: Actor;
  doc: { slug: string; title: string };
  title: ReactNode;
  children: ReactNode;
}) {
  const { workspaces, unreadCount } = await getHeaderData(actor);
  const current = workspaces[0] ?? { slug: "", name: "", role: "VIEWER" };
  return (
    <div className="flex min-h-dvh flex-col bg-white">
      <AppHeader
        user={{ name: actor.name, email: actor.email }}
        workspaces={workspaces}
        current={current}
        unreadCount={unreadCount}
      />
      <main className="mx-auto w-full max-w-4xl flex-1 px-4 py-6 sm:px-6 lg:py-10">
        <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
          <Link href={`/docs/${doc.slug}`} className="hover:text-slate-900 hover:underline">
            {doc.title}
          </Link>{" "}
          /{" "}
          <Link href={`/docs/${doc.slug}/history`} className="hover:text-slate-900 hover:underline">
            History
          </Link>
        </nav>
        <h1 className="mb-4 text-2xl font-semibold text-balance text-slate-900">{title}</h1>
        {children}
      </main>
    </div>
  );
}
