import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getActor } from "@/lib/auth/session";
import { findInvitationByToken } from "@/lib/workspaces/invitations";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invitation?: string }> }) {
  const { invitation } = await searchParams;
  if (await getActor()) redirect(invitation ? `/invite/${invitation}` : "/");
  const invite = typeof invitation === "string" ? await findInvitationByToken(invitation) : null;
  const valid = invite?.state === "valid";
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create your account</CardTitle>
        <CardDescription>
          {valid ? `${invite.invitedBy} invited you to ${invite.workspaceName}.` : "You get a workspace of your own; invite your team from its settings."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm invitation={valid ? invitation : undefined} email={valid ? invite.email : undefined} />
      </CardContent>
    </Card>
  );
}
