/**
 * The one link policy, shared by the editor (which refuses to create other links),
 * the validator (which refuses to store them) and the renderer (which refuses to
 * print them even if one slipped into old data).
 *
 * Allowed: absolute http/https/mailto URLs, in-page anchors ("#risks") and
 * same-site paths ("/docs/abc"). Refused: every other scheme (javascript:, data:,
 * vbscript:, file:, ...), protocol-relative "//host" and "/\host" (they look
 * relative but leave the site), bare words ("example.com" would resolve against
 * the current page), and any whitespace or control character, because browsers
 * strip those before reading the scheme ("java\tscript:" runs as javascript:).
 */
export const ALLOWED_LINK_SCHEMES = ["http", "https", "mailto"] as const;

export const MAX_HREF_LENGTH = 2048;

const ABSOLUTE = /^(?:https?:\/\/[^\s/?#]+|mailto:[^\s]+)/i;
const SAME_SITE_PATH = /^\/(?![/\\])/;
const ANCHOR = /^#/;
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length === 0 || href.length > MAX_HREF_LENGTH) return false;
  if (INVISIBLE.test(href)) return false;
  return ABSOLUTE.test(href) || SAME_SITE_PATH.test(href) || ANCHOR.test(href);
}

const SCHEME = /^[^/?#]*:/;
const RELATIVE =
  /^(?:\.{1,2}\/|[\w-][\w.-]*\/|[\w-][\w.-]*\.(?:md|markdown|mdx|txt|rst|adoc|html?|pdf|png|jpe?g|gif|svg|webp|ya?ml|json|toml|csv|sql|proto)(?:[?#]|$))/i;

/**
 * A link relative to the file a doc was imported from ("./adr-002.md",
 * "docs/api.md#auth"). Kept so its text and target survive, but it points at a
 * repository this app cannot see: the renderer shows it as a relative link that
 * goes nowhere, and the editor never creates one.
 */
export function isRelativeHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length === 0 || href.length > MAX_HREF_LENGTH) return false;
  if (INVISIBLE.test(href) || SCHEME.test(href) || href.includes("\\")) return false;
  return RELATIVE.test(href);
}
