import { attrs } from "./escape";
import { isSafeHref } from "./links";

export type MarkJSON = { type: string; attrs?: Record<string, unknown> };

const SIMPLE_TAGS: Record<string, string> = { bold: "strong", italic: "em", strike: "s", underline: "u", code: "code" };
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
  if (mark.type === "link") return isSafeHref(mark.attrs?.href) ? "a" : null;
  if (mark.type === "comment") return typeof mark.attrs?.threadId === "string" ? "span" : null;
  return null;
}

export function renderMarkOpen(mark: MarkJSON): string {
  const tag = markTag(mark);
  if (!tag) return "";
  const a = mark.attrs ?? {};
  if (mark.type === "link") {
    const title = typeof a.title === "string" && a.title ? a.title : null;
    // target/rel are fixed here whatever the stored attrs say (see LINK_PRESENTATION).
    return `<a${attrs({ target: "_blank", rel: LINK_REL, href: a.href as string, title })}>`;
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
