const BASE = "http://design-review.invalid";

/**
 * Only same-site paths are followed after sign-in: never `//evil.example`, `https://…`
 * or anything a browser would read as one. Browsers remove tabs and newlines from a
 * URL, trim control characters and spaces from its ends, and read `\` as `/`, so
 * `/\t/evil.example/` and `/\evil.example` are `//evil.example` to them. The value is
 * parsed the way they parse it; a path that stays on our origin is returned
 * re-serialized (ASCII, percent-encoded), anything else is null. Never throws.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  if (!cleaned.startsWith("/") || /^[/\\]{2}/.test(cleaned.replace(/\\/g, "/"))) return null;
  let url: URL;
  try {
    url = new URL(cleaned, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Belt and braces: what we hand to redirect() must itself start with exactly one slash.
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}
