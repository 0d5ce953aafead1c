import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FileText } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { requireWorkspace } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Docs" };

export default async function WorkspaceHomePage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<{ welcome?: string; joined?: string }> }) {
  const [{ workspace: slug }, flags] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/w/${slug}`);
  const { workspace } = await requireWorkspace(actor, { slug }).catch((e) => (isAppError(e) ? notFound() : Promise.reject(e)));
  return (
    <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
      {flags.welcome && <Alert variant="success" className="mb-6" title={`Welcome, ${actor.name}!`}>This is your workspace. Write your first design doc, or invite your team from Settings.</Alert>}
      {flags.joined && <Alert variant="success" className="mb-6">You joined {workspace.name}.</Alert>}
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Design docs</h1>
      <EmptyState className="mt-8 rounded-lg border border-dashed border-slate-300" icon={<FileText />} title="No design docs yet" description="Docs written from the architecture template will be listed here." />
    </main>
  );
}
