"use client";

import { Ban } from "lucide-react";
import { comments, openBlocking, useComments } from "./comments-store";

/** In the review panel: which open threads hold back approval, each a link to its thread. */
export function BlockingNotice({ sectionTitles }: { sectionTitles?: Record<string, string> }) {
  const { data } = useComments();
  const blocking = data ? openBlocking(data.threads) : [];
  if (blocking.length === 0) return null;
  return (
    <div
      className="grid gap-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
      data-testid="blocking-notice"
    >
      <p className="inline-flex items-center gap-1.5 font-semibold">
        <Ban aria-hidden="true" className="size-4" />
        Blocked by {blocking.length} open blocking thread{blocking.length === 1 ? "" : "s"}
      </p>
      <ul className="grid gap-0.5">
        {blocking.map((t) => (
          <li key={t.id}>
            <a
              href={`#thread-${t.id}`}
              className="underline-offset-2 hover:underline"
              onClick={() => comments.activate(t.id)}
            >
              {t.quote ? `“${t.quote.length > 50 ? `${t.quote.slice(0, 50)}…` : t.quote}”` : "Section comment"}
              {sectionTitles?.[t.sectionKey] ? ` in ${sectionTitles[t.sectionKey]}` : ""}
              {t.comments[0] ? ` — ${t.comments[0].author.name}` : ""}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
