import { connection } from "next/server";
import { Logo } from "@/components/layout/logo";
import { Button } from "@/components/ui/button";

export default async function NotFound() {
  // Rendered per request, like every other page, so its scripts carry the CSP nonce (proxy.ts).
  await connection();
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-slate-50 px-4 text-center">
      <Logo />
      <main className="grid max-w-md gap-3">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
        <p className="text-slate-600">
          This page does not exist, or you do not have access to it. Check the link, or ask whoever sent it to share it
          with you.
        </p>
        <div>
          <Button asChild variant="secondary">
            {/* A plain link: this page's client references load with every page of the app (next/link would put
                the router's link code in all of them; components/layout/nav-link.tsx). */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the comment above says why */}
            <a href="/">Go to Design Review</a>
          </Button>
        </div>
      </main>
    </div>
  );
}
