import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Logo } from "@/components/layout/logo";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { findInvitationByToken } from "@/lib/workspaces/invitations";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const PROBLEMS = {
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
  used: "This invitation has already been used.",
  revoked: "This invitation was withdrawn. Ask for a new one if you still need access.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, actor] = await Promise.all([findInvitationByToken(token), getActor()]);
  const here = `/invite/${token}`;
  let body: React.ReactNode;
  if (!invite) body = <Alert variant="warning">This invitation link is not valid. Check that you copied all of it.</Alert>;
  else if (invite.state !== "valid") body = <Alert variant="warning">{PROBLEMS[invite.state]}</Alert>;
  else if (!actor) {
    body = (
      <div className="grid gap-3">
        <Button asChild className="w-full">
          <Link href={`/sign-up?invitation=${encodeURIComponent(token)}`}>Create an account to join</Link>
        </Button>
        <Button asChild variant="secondary" className="w-full">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`}>I already have an account</Link>
        </Button>
      </div>
    );
  } else if (actor.email.toLowerCase() !== invite.email) {
    body = (
      <Alert variant="warning">
        This invitation was sent to <strong>{invite.email}</strong>, but you are signed in as {actor.email}. Sign out and sign in with that address.
      </Alert>
    );
  } else body = <AcceptInvitationForm token={token} workspaceName={invite.workspaceName} />;

  return (
    <div className="flex min-h-dvh flex-col items-center bg-slate-50 px-4 py-10 sm:py-16">
      <Logo className="mb-8" />
      <main className="w-full max-w-sm">
        <Card>
          <CardHeader>
            <CardTitle as="h1">{invite?.state === "valid" ? `Join ${invite.workspaceName}` : "Invitation"}</CardTitle>
            {invite?.state === "valid" && (
              <CardDescription>
                {invite.invitedBy} invited {invite.email} as {ROLE_LABELS[invite.role].toLowerCase()}.
              </CardDescription>
            )}
          </CardHeader>
          <CardContent>{body}</CardContent>
        </Card>
      </main>
    </div>
  );
}
