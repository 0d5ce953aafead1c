import { attrs } from "./escape";
import { isRelativeHref, isSafeHref } from "./links";

export type MarkJSON = { type: string; attrs?: Record<string, unknown> };

const SIMPLE_TAGS: Record<string, string> = {
  bold: "strong",
  italic: "em",
  strike: "s",
  underline: "u",
  code: "code",
  superscript: "sup",
  subscript: "sub",
  kbd: "kbd",
};
const LINK_REL = "noopener noreferrer nofollow";

export function sameMark(a: MarkJSON, b: MarkJSON): boolean {
  if (a.type !== b.type) return false;
  const aa = a.attrs ?? {};
  const ba = b.attrs ?? {};
  const keys = new Set([...Object.keys(aa), ...Object.keys(ba)]);
  for (const key of keys) if (aa[key] !== ba[key]) return false;
  return true;
}

/**
 * Every mark must open to exactly one element so that closing is symmetrical;
 * a mark that renders nothing (unknown type, unsafe link) opens to "".
 */
function markTag(mark: MarkJSON): string | null {
  if (SIMPLE_TAGS[mark.type]) return SIMPLE_TAGS[mark.type]!;
  if (mark.type === "link") {
    if (isSafeHref(mark.attrs?.href)) return "a";
    return isRelativeHref(mark.attrs?.href) ? "span" : null;
  }
  if (mark.type === "comment") return typeof mark.attrs?.threadId === "string" ? "span" : null;
  return null;
}

export function renderMarkOpen(mark: MarkJSON): string {
  const tag = markTag(mark);
  if (!tag) return "";
  const a = mark.attrs ?? {};
  if (mark.type === "link") {
    const href = a.href as string;
    const title = typeof a.title === "string" && a.title ? a.title : null;
    // A path relative to the file the doc came from points into a repository the app cannot see.
    if (tag === "span")
      return `<span${attrs({ class: "relative-link", title: `Relative link in the imported file: ${href}` })}>`;
    // In-page anchors stay in this tab; target/rel are fixed here whatever the stored attrs say (LINK_PRESENTATION).
    if (href.startsWith("#")) return `<a${attrs({ href, title })}>`;
    return `<a${attrs({ target: "_blank", rel: LINK_REL, href, title })}>`;
  }
  if (mark.type === "comment") {
    return `<span${attrs({ "data-comment-thread": a.threadId as string, class: "comment-anchor" })}>`;
  }
  return `<${tag}>`;
}

export function renderMarkClose(mark: MarkJSON): string {
  const tag = markTag(mark);
  return tag ? `</${tag}>` : "";
}
