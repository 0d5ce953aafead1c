import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Logo } from "@/components/layout/logo";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { findInvitation } from "@/lib/auth/invitation-lookup";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

const PROBLEMS = {
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
  used: "This invitation has already been used.",
  revoked: "This invitation was withdrawn. Ask for a new one if you still need access.",
} as const;

/** A workspace invitation (join it) or a doc invitation (open that doc), by the link's token. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, actor] = await Promise.all([findInvitation(token), getActor()]);
  const here = `/invite/${token}`;
  let body: React.ReactNode;
  if (!invite)
    body = <Alert variant="warning">This invitation link is not valid. Check that you copied all of it.</Alert>;
  else if (invite.state !== "valid") body = <Alert variant="warning">{PROBLEMS[invite.state]}</Alert>;
  else if (!actor) {
    body = (
      <div className="grid gap-3">
        <Button asChild className="w-full">
          <Link href={`/sign-up?invitation=${encodeURIComponent(token)}`}>
            {invite.kind === "doc" ? "Create an account to open it" : "Create an account to join"}
          </Link>
        </Button>
        <Button asChild variant="secondary" className="w-full">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`}>
            I already have an account
          </Link>
        </Button>
      </div>
    );
  } else if (actor.email.toLowerCase() !== invite.email) {
    body = (
      <Alert variant="warning">
        This invitation was sent to <strong>{invite.email}</strong>, but you are signed in as {actor.email}. Sign out
        and sign in with that address.
      </Alert>
    );
  } else
    body = (
      <AcceptInvitationForm token={token} label={invite.kind === "doc" ? "Open the doc" : `Join ${invite.target}`} />
    );

  const valid = invite?.state === "valid";
  return (
    <div className="flex min-h-dvh flex-col items-center bg-slate-50 px-4 py-10 sm:py-16">
      <Logo className="mb-8" />
      <main className="w-full max-w-sm">
        <Card>
          <CardHeader>
            <CardTitle as="h1" className="break-words">
              {!valid ? "Invitation" : invite.kind === "doc" ? invite.target : `Join ${invite.target}`}
            </CardTitle>
            {valid && (
              <CardDescription>
                {invite.invitedBy} invited {invite.email} as {invite.role}
                {invite.kind === "doc" ? " of this design doc" : ""}.
              </CardDescription>
            )}
          </CardHeader>
          <CardContent>{body}</CardContent>
        </Card>
      </main>
    </div>
  );
}
