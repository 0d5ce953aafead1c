import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { InviteForm } from "@/components/workspaces/invite-form";
import { MemberList } from "@/components/workspaces/member-list";
import { PendingInvitations } from "@/components/workspaces/pending-invitations";
import { RenameWorkspaceForm } from "@/components/workspaces/rename-form";
import { SignOutEverywhereButton } from "@/components/auth/sign-out-everywhere-button";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { requireWorkspace } from "@/lib/workspaces/access";
import { listPendingInvitations } from "@/lib/workspaces/invitations";
import { listMembers } from "@/lib/workspaces/queries";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const actor = await requirePageActor(`/w/${slug}/settings`);
  const { workspace, role } = await requireWorkspace(actor, { slug }).catch((e) => (isAppError(e) ? notFound() : Promise.reject(e)));
  const canInvite = can(role, "members.invite");
  const [members, invitations] = await Promise.all([listMembers(actor, workspace.id), canInvite ? listPendingInvitations(actor, workspace.id) : []]);

  return (
    <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Settings</h1>
      <p className="mt-1 text-sm text-slate-600">
        {workspace.name} · you are {ROLE_LABELS[role].toLowerCase()}
      </p>
      <div className="mt-8 grid gap-6">
        {can(role, "workspace.update") && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Workspace</CardTitle>
            </CardHeader>
            <CardContent>
              <RenameWorkspaceForm workspaceId={workspace.id} name={workspace.name} />
            </CardContent>
          </Card>
        )}
        {canInvite && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Invite people</CardTitle>
              <CardDescription>They get a link that works once and expires in 7 days.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-6">
              <InviteForm workspaceId={workspace.id} canInviteOwners={role === "OWNER"} />
              <section aria-labelledby="pending-heading" className="grid gap-2">
                <h3 id="pending-heading" className="text-sm font-medium text-slate-900">
                  Pending invitations
                </h3>
                <PendingInvitations workspaceId={workspace.id} invitations={invitations} />
              </section>
            </CardContent>
          </Card>
        )}
        <Card>
          <CardHeader>
            <CardTitle as="h2">Members</CardTitle>
            <CardDescription>
              {members.length} {members.length === 1 ? "person" : "people"} in this workspace.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <MemberList workspaceId={workspace.id} members={members} myRole={role} myUserId={actor.id} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Your account</CardTitle>
            <CardDescription>
              Signed in as {actor.name} ({actor.email}).
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SignOutEverywhereButton />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
