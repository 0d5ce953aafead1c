import { isSafeHref } from "@/lib/editor/links";

/**
 * What a writer types into the link field → an href the editor and the server
 * both accept (lib/editor/links.ts), or a message that says what to do instead.
 * "example.com" becomes "https://example.com", "ada@example.com" a mailto link.
 */
export type LinkInput = { ok: true; href: string } | { ok: false; message: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const HOST_AND_PORT = /^[a-z0-9.-]+:\d+(?:[/?#]|$)/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const BARE_HOST = /^[^\s/:@]+\.[a-z]{2,}(?::\d+)?(?:[/?#]|$)/i;
const ALLOWED = "Use an address that starts with https://, http:// or mailto:, or a #section or /path on this site.";

export function parseLinkInput(raw: string): LinkInput {
  const value = raw.trim();
  if (value === "") return { ok: false, message: "Enter a link address." };
  if (/\s/.test(value)) return { ok: false, message: "A link address cannot contain spaces." };

  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme && !HOST_AND_PORT.test(value) && !["http", "https", "mailto"].includes(scheme)) {
    if (scheme === "javascript" || scheme === "vbscript" || scheme === "data") {
      return {
        ok: false,
        message: `“${scheme}:” links are blocked because they can run code in the reader's browser. ${ALLOWED}`,
      };
    }
    return { ok: false, message: `“${scheme}:” links are not allowed. ${ALLOWED}` };
  }

  let href = value;
  if (!scheme || HOST_AND_PORT.test(value)) {
    if (EMAIL.test(value)) href = `mailto:${value}`;
    else if (BARE_HOST.test(value) || HOST_AND_PORT.test(value)) href = `https://${value}`;
  }
  return isSafeHref(href)
    ? { ok: true, href }
    : { ok: false, message: `That is not a link address we can use. ${ALLOWED}` };
}
