import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmSignUpForm } from "@/components/auth/confirm-sign-up-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { findSignUpRequest } from "@/lib/auth/confirm-sign-up";

// The token is in the URL: never send it on as a Referer.
export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

/** The link from the sign-up email: a button creates the account (mail scanners open links, they do not press). */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const request = await findSignUpRequest(token);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{request ? "Finish creating your account" : "This link no longer works"}</CardTitle>
        {request && (
          <CardDescription>
            Your address {request.email} is confirmed. Create the account for {request.name}?
          </CardDescription>
        )}
      </CardHeader>
      <CardContent className="grid gap-4">
        {request ? (
          <ConfirmSignUpForm token={token} />
        ) : (
          <>
            <Alert variant="warning">
              Sign-up links work once, for 24 hours. If you already used this one, sign in; otherwise sign up again.
            </Alert>
            <p className="text-center text-sm text-slate-600">
              <Link className="font-medium text-brand-700 hover:underline" href="/sign-in">
                Sign in
              </Link>{" "}
              ·{" "}
              <Link className="font-medium text-brand-700 hover:underline" href="/sign-up">
                Sign up again
              </Link>
            </p>
          </>
        )}
      </CardContent>
    </Card>
  );
}
