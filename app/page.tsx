import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BadgeCheck, FileText, GitPullRequest, Share2 } from "lucide-react";
import { Logo } from "@/components/layout/logo";
import { Button } from "@/components/ui/button";
import { getActor } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getHomeWorkspaceSlug } from "@/lib/workspaces/home";

const FEATURES = [
  {
    icon: FileText,
    title: "Start from a real template",
    text: "Design Overview to Alternatives Considered: every section its own block, with guidance where it is empty.",
  },
  {
    icon: GitPullRequest,
    title: "Review like a pull request",
    text: "Request reviewers for the whole doc or single sections. Approve, request changes, or comment.",
  },
  {
    icon: BadgeCheck,
    title: "Sign-offs you can trust",
    text: "An approval binds to the exact content approved. Edit a section and its approval goes stale.",
  },
  {
    icon: Share2,
    title: "Share by link",
    text: "Canonical links for your team, revocable links with expiry and password for everyone else.",
  },
];

/** The link preview of the landing page (public/og.png): the only page with one. */
export function generateMetadata(): Metadata {
  const appUrl = getEnv().APP_URL;
  const description = "Architecture design docs your team writes, reviews and signs off together.";
  return {
    // Crawlers need an absolute image URL: APP_URL when set, else the path (resolved against the page).
    ...(appUrl ? { metadataBase: new URL(appUrl) } : {}),
    openGraph: {
      type: "website",
      siteName: "Design Review",
      title: "Design Review",
      description,
      url: "/",
      images: [{ url: "/og.png", width: 1200, height: 630, alt: "Design Review" }],
    },
    twitter: { card: "summary_large_image", title: "Design Review", description, images: ["/og.png"] },
  };
}

export default async function HomePage() {
  const actor = await getActor();
  if (actor) {
    const slug = await getHomeWorkspaceSlug(actor);
    if (slug) redirect(`/w/${slug}`);
  }
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-4 py-4 sm:px-6">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href="/sign-in">Sign in</Link>
          </Button>
          <Button asChild size="sm">
            <Link href="/sign-up">Sign up</Link>
          </Button>
        </nav>
      </header>
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 pb-16 sm:px-6">
        <section className="py-12 sm:py-20">
          <p className="text-sm font-medium text-brand-700">Architecture design docs, reviewed and signed off</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
            Write the design. Get it reviewed. Know exactly what was approved.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-slate-600">
            Design Review turns your architecture template into a structured doc your team edits together in the
            browser, with reviewer sign-offs that go stale when the approved content changes.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Button asChild>
              <Link href="/sign-up">Create your workspace</Link>
            </Button>
            <Button asChild variant="secondary">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
        </section>
        <section aria-labelledby="features" className="border-t border-slate-200 pt-10">
          <h2 id="features" className="sr-only">
            What you get
          </h2>
          <ul className="grid gap-6 sm:grid-cols-2">
            {FEATURES.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex gap-4">
                <span className="grid size-10 shrink-0 place-items-center rounded-lg bg-brand-50 text-brand-700">
                  <Icon aria-hidden="true" className="size-5" />
                </span>
                <div>
                  <h3 className="font-medium text-slate-900">{title}</h3>
                  <p className="mt-1 text-sm text-slate-600">{text}</p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-sm text-slate-600">Design Review</footer>
    </div>
  );
}
