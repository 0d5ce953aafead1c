import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { getActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { requireWorkspace } from "@/lib/workspaces/access";
import { getHeaderData } from "@/lib/workspaces/queries";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const actor = await getActor();
  // Signed out: the page itself redirects to sign-in with its own path as the way back.
  if (!actor) return children;
  const context = await requireWorkspace(actor, { slug }).catch((e) =>
    isAppError(e) && e.code === "NOT_FOUND" ? notFound() : Promise.reject(e),
  );
  const { workspaces, unreadCount } = await getHeaderData(actor);
  return (
    <div className="flex min-h-dvh flex-col bg-white">
      <AppHeader
        user={{ name: actor.name, email: actor.email }}
        workspaces={workspaces}
        current={{ ...context.workspace, role: context.role }}
        unreadCount={unreadCount}
      />
      {children}
    </div>
  );
}
