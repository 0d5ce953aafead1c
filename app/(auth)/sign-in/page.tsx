import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getActor } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<{ callbackUrl?: string; signedOut?: string; email?: string; accountDeleted?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl) ?? undefined;
  if (await getActor()) redirect(callbackUrl ?? "/");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Sign in</CardTitle>
        <CardDescription>Welcome back to Design Review.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {params.accountDeleted && (
          <Alert variant="success">Your account is deleted. Every session of it has ended.</Alert>
        )}
        {params.signedOut && (
          <Alert variant="success">
            {params.signedOut === "everywhere" ? "You are signed out on every device." : "You are signed out."}
          </Alert>
        )}
        <SignInForm callbackUrl={callbackUrl} email={typeof params.email === "string" ? params.email : undefined} />
      </CardContent>
    </Card>
  );
}
