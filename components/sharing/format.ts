import type { ShareLinkDTO } from "@/lib/sharing/dto";

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "in 3 days", "2 hours ago", "just now": for past and future instants. */
export function formatDistance(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86_400), "day");
}

export function describeExpiry(link: Pick<ShareLinkDTO, "expiresAt" | "revokedAt" | "state">, now: number): string {
  if (link.state === "revoked" && link.revokedAt) return `Revoked ${formatDistance(link.revokedAt, now)}`;
  if (!link.expiresAt) return "Never expires";
  return link.state === "expired"
    ? `Expired ${formatDistance(link.expiresAt, now)}`
    : `Expires ${formatDistance(link.expiresAt, now)}`;
}

export function describeUse(link: Pick<ShareLinkDTO, "useCount" | "lastUsedAt">, now: number): string {
  if (!link.lastUsedAt || link.useCount === 0) return "Not opened yet";
  return `Opened ${link.useCount} time${link.useCount === 1 ? "" : "s"}, last ${formatDistance(link.lastUsedAt, now)}`;
}
