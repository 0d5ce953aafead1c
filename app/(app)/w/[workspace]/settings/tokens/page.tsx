import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { ApiTokens } from "@/components/tokens/api-tokens";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listApiTokens } from "@/lib/tokens/tokens";
import { requireWorkspace } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const actor = await requirePageActor(`/w/${slug}/settings/tokens`);
  await requireWorkspace(actor, { slug }).catch((e) => (isAppError(e) ? notFound() : Promise.reject(e)));
  const tokens = await listApiTokens(actor);
  return (
    <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
      <Link
        href={`/w/${slug}/settings`}
        className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft aria-hidden="true" className="size-4" /> Settings
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">API tokens</h1>
      <p className="mt-1 text-sm text-slate-600">
        Personal tokens let scripts, CI jobs and other tools call the JSON API as you, with{" "}
        <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. A
        token can do what you can do, narrowed to its scopes, in every workspace you belong to. It never opens pages.
        See the{" "}
        <Link href="/api-reference" className="text-brand-700 underline underline-offset-2">
          API reference
        </Link>
        .
      </p>
      <ApiTokens tokens={tokens} />
    </main>
  );
}
