"use client";

import { useSyncExternalStore } from "react";

const subscribe = (tick: () => void) => {
  const id = setInterval(tick, 60_000);
  return () => clearInterval(id);
};

// One formatter for the page: making one is the costly part (each section's stamp re-renders as its section is stored).
let rtfOnce: Intl.RelativeTimeFormat | null = null;

function formatRelative(iso: string, now: number): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  const rtf = (rtfOnce ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" }));
  if (seconds < 45) return "just now";
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), "minute");
  if (seconds < 86_400) return rtf.format(-Math.round(seconds / 3600), "hour");
  if (seconds < 30 * 86_400) return rtf.format(-Math.round(seconds / 86_400), "day");
  return new Date(iso).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric" });
}

/** "5 minutes ago", with the exact time on hover; the server renders the date so nothing shifts before hydration. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / 60_000) * 60_000,
    () => 0,
  );
  const exact = new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return (
    <time dateTime={iso} title={exact}>
      {now === 0 ? exact.slice(0, 10) : formatRelative(iso, now)}
    </time>
  );
}
