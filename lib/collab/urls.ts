/**
 * The WebSocket URLs browsers may use for the collaboration server, in the order they try them:
 * COLLAB_PUBLIC_URLS (comma-separated, for several collaboration processes: the first is this app's
 * own, the others are where its pages go when that one is down), else COLLAB_PUBLIC_URL, else none
 * (the page's own host at COLLAB_PORT).
 */
export function collabPublicUrls(env: Record<string, string | undefined> = process.env): string[] {
  const list = (env.COLLAB_PUBLIC_URLS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter((u) => u && URL.canParse(u) && /^wss?:$/.test(new URL(u).protocol));
  if (list.length) return [...new Set(list)];
  const one = env.COLLAB_PUBLIC_URL;
  return one && URL.canParse(one) ? [one] : [];
}
