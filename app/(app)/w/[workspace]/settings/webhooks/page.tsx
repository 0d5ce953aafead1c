import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { Webhooks } from "@/components/webhooks/webhooks";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listWebhooks } from "@/lib/webhooks/webhooks";
import { requireWorkspace } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const actor = await requirePageActor(`/w/${slug}/settings/webhooks`);
  // Owners and admins only; for everyone else the page does not exist.
  const { workspace } = await requireWorkspace(actor, { slug }, "workspace.update").catch((e) =>
    isAppError(e) ? notFound() : Promise.reject(e),
  );
  const webhooks = await listWebhooks(actor, workspace.id);
  return (
    <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
      <Link
        href={`/w/${slug}/settings`}
        className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft aria-hidden="true" className="size-4" /> Settings
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Webhooks</h1>
      <p className="mt-1 text-sm text-slate-600">
        {workspace.name} tells your endpoints when docs are created, saved, reviewed, approved, commented on or shared.
        Each delivery is signed with the endpoint&apos;s secret and retried for 24 hours until it gets a 2xx answer.
      </p>
      <Webhooks workspaceId={workspace.id} webhooks={webhooks} />
    </main>
  );
}
