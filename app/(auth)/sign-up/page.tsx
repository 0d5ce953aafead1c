import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getActor } from "@/lib/auth/session";
import { findInvitation } from "@/lib/auth/invitation-lookup";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invitation?: string }> }) {
  const { invitation } = await searchParams;
  if (await getActor()) redirect(invitation ? `/invite/${invitation}` : "/");
  const invite = await findInvitation(invitation);
  const valid = invite?.state === "valid";
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create your account</CardTitle>
        <CardDescription>
          {valid
            ? `${invite.invitedBy} invited you to ` +
              `${invite.kind === "doc" ? `the doc “${invite.target}”` : invite.target}.`
            : "You get a workspace of your own; invite your team from its settings."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SignUpForm invitation={valid ? invitation : undefined} email={valid ? invite.email : undefined} />
      </CardContent>
    </Card>
  );
}
