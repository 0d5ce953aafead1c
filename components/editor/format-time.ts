/**
 * Times shown next to saves and stamps, in the reader's own locale and zone.
 * Only call these in the browser after hydration (the server's zone differs);
 * `formatDay` with `timeZone: "UTC"` is the server-safe first paint.
 */

type FormatOptions = { now?: Date; locale?: string; timeZone?: string };

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function dayKey(date: Date, locale: string | undefined, timeZone: string | undefined): string {
  return date.toLocaleDateString(locale ?? "en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
}

/** "14:05" today, "3 Nov, 14:05" this year, "3 Nov 2025, 14:05" before. */
export function formatWhen(iso: string, { now = new Date(), locale, timeZone }: FormatOptions = {}): string {
  const date = parse(iso);
  if (!date) return "";
  const time = date.toLocaleTimeString(locale, { hour: "numeric", minute: "2-digit", timeZone });
  if (dayKey(date, undefined, timeZone) === dayKey(now, undefined, timeZone)) return time;
  return `${formatDay(iso, { now, locale, timeZone })}, ${time}`;
}

/** "3 Nov" this year, "3 Nov 2025" before. */
export function formatDay(iso: string, { now = new Date(), locale, timeZone }: FormatOptions = {}): string {
  const date = parse(iso);
  if (!date) return "";
  const sameYear =
    date.toLocaleDateString("en", { timeZone, year: "numeric" }) ===
    now.toLocaleDateString("en", { timeZone, year: "numeric" });
  return date.toLocaleDateString(locale, {
    day: "numeric",
    month: "short",
    year: sameYear ? undefined : "numeric",
    timeZone,
  });
}

/** Whether "at 14:05" or "on 3 Nov, 14:05" reads right before `formatWhen`'s result. */
export function isToday(iso: string, { now = new Date(), timeZone }: FormatOptions = {}): boolean {
  const date = parse(iso);
  return date !== null && dayKey(date, undefined, timeZone) === dayKey(now, undefined, timeZone);
}
