import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { InviteForm } from "@/components/workspaces/invite-form";
import { MemberList } from "@/components/workspaces/member-list";
import { PendingInvitations } from "@/components/workspaces/pending-invitations";
import { RemoteImagesForm } from "@/components/workspaces/remote-images-form";
import { RenameWorkspaceForm } from "@/components/workspaces/rename-form";
import { ReviewSettingsForm } from "@/components/workspaces/review-settings-form";
import { DeleteAccountButton } from "@/components/auth/delete-account-button";
import { SignOutEverywhereButton } from "@/components/auth/sign-out-everywhere-button";
import { buttonClassName } from "@/components/ui/button";
import { DeleteWorkspaceButton } from "@/components/workspaces/delete-workspace-button";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { remoteImagesAllowed } from "@/lib/media/remote-images";
import { requireWorkspace } from "@/lib/workspaces/access";
import { listPendingInvitations } from "@/lib/workspaces/invitations";
import { countWorkspaceDocs, listMembers } from "@/lib/workspaces/queries";
import { getWorkspaceSettings } from "@/lib/workspaces/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const actor = await requirePageActor(`/w/${slug}/settings`);
  const { workspace, role } = await requireWorkspace(actor, { slug }).catch((e) =>
    isAppError(e) ? notFound() : Promise.reject(e),
  );
  const canInvite = can(role, "members.invite");
  const isOwner = role === "OWNER";
  const [members, invitations, settings, allowRemoteImages, docCount] = await Promise.all([
    listMembers(actor, workspace.id),
    canInvite ? listPendingInvitations(actor, workspace.id) : [],
    getWorkspaceSettings(actor, workspace.id),
    remoteImagesAllowed(workspace.id),
    isOwner ? countWorkspaceDocs(actor, workspace.id) : 0,
  ]);

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
        <Card>
          <CardHeader>
            <CardTitle as="h2">Reviews</CardTitle>
            <CardDescription>Who may sign off on a doc in this workspace.</CardDescription>
          </CardHeader>
          <CardContent>
            <ReviewSettingsForm
              workspaceId={workspace.id}
              independentApproval={settings.independentApproval}
              canChange={can(role, "workspace.update")}
            />
          </CardContent>
        </Card>
        {can(role, "workspace.update") && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Images</CardTitle>
            </CardHeader>
            <CardContent>
              <RemoteImagesForm workspaceId={workspace.id} allowed={allowRemoteImages} />
            </CardContent>
          </Card>
        )}
        {can(role, "workspace.update") && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Webhooks</CardTitle>
              <CardDescription>Tell CI, chat and trackers when docs are reviewed, approved or shared.</CardDescription>
            </CardHeader>
            <CardContent>
              <Link
                href={`/w/${workspace.slug}/settings/webhooks`}
                className="text-sm font-medium text-brand-700 underline underline-offset-2"
              >
                Manage webhooks
              </Link>
            </CardContent>
          </Card>
        )}
        {canInvite && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">Invite people</CardTitle>
              <CardDescription>They get a link that works once and expires in 7 days.</CardDescription>
            </CardHeader>
            <CardContent className="grid grid-cols-1 gap-6">
              <InviteForm workspaceId={workspace.id} canInviteOwners={role === "OWNER"} />
              {/* A block, not a grid: a grid's auto column grew to the longest email and ran out of the card. */}
              <section aria-labelledby="pending-heading" className="min-w-0 space-y-2">
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
          <CardContent className="grid justify-items-start gap-3">
            <Link
              href={`/w/${workspace.slug}/settings/tokens`}
              className="text-sm font-medium text-brand-700 underline underline-offset-2"
            >
              API tokens
            </Link>
            <SignOutEverywhereButton />
          </CardContent>
        </Card>
        {isOwner && (
          <Card className="border-red-200" data-testid="danger-zone">
            <CardHeader>
              <CardTitle as="h2">Export and delete the workspace</CardTitle>
              <CardDescription>Owners only.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-5">
              <div className="grid justify-items-start gap-2">
                <a
                  href={`/api/workspaces/${workspace.id}/export.zip`}
                  download
                  className={buttonClassName("secondary")}
                >
                  Download export (.zip)
                </a>
                <p className="text-slate-600">
                  Every doc as Markdown, its reviews, verdicts, comments and audit trail as JSON, and every image, in
                  one archive.
                </p>
              </div>
              <div className="grid justify-items-start gap-2 border-t border-slate-200 pt-5">
                <DeleteWorkspaceButton
                  workspaceId={workspace.id}
                  name={workspace.name}
                  docs={docCount}
                  members={members.length}
                />
                <p className="text-slate-600">
                  Deletes {workspace.name} and everything in it for good. Members keep their accounts.
                </p>
              </div>
            </CardContent>
          </Card>
        )}
        <Card className="border-red-200" data-testid="delete-account">
          <CardHeader>
            <CardTitle as="h2">Delete your account</CardTitle>
            <CardDescription>
              Your docs stay with their workspaces and your past approvals keep your name. If you are the only owner of
              a workspace others are in, make someone else an owner first.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <DeleteAccountButton />
          </CardContent>
        </Card>
      </div>
    </main>
  );
}
