"use client";

import { useEffect } from "react";
import { buttonClassName } from "@/components/ui/button-styles";

/** Unexpected errors: a plain message and the id under which the server logged the detail. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto grid max-w-md gap-3 px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="text-slate-600">
        We could not show this page. Nothing you saved is lost. Try again; if it keeps happening, tell your admin this
        request id:
      </p>
      <p>
        <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-800">
          {error.digest ?? "unavailable"}
        </code>
      </p>
      <div>
        {/* A plain button in Button's look: this file's code ships with every page. */}
        <button type="button" className={buttonClassName()} onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
