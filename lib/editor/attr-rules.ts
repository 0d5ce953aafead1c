import { imageSrcKind, IMAGE_SIZES } from "./image-src";
import { isRelativeHref, isSafeHref } from "./links";

/**
 * What each attribute of each node and mark may hold. The schema itself checks
 * nothing (it keeps whatever value arrives), and every attribute ends up in HTML,
 * so each one gets a rule here. attr-rules.test.ts fails when an extension adds
 * an attribute without a rule.
 *
 * A rule returns null when the value is fine, or the reason it is not.
 */
export type AttrRule = (value: unknown) => string | null;

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

const intBetween =
  (min: number, max: number): AttrRule =>
  (v) =>
    isInt(v) && v >= min && v <= max ? null : `must be a whole number from ${min} to ${max}`;

const oneOf =
  (...allowed: readonly unknown[]): AttrRule =>
  (v) =>
    allowed.includes(v) ? null : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;

const text =
  (max: number, { nullable = true, pattern }: { nullable?: boolean; pattern?: RegExp } = {}): AttrRule =>
  (v) => {
    if (v === null && nullable) return null;
    if (typeof v !== "string") return nullable ? "must be a string or null" : "must be a string";
    if (v.length === 0 || v.length > max) return `must be 1 to ${max} characters`;
    if (pattern && !pattern.test(v)) return "has characters that are not allowed";
    return null;
  };

const colwidth: AttrRule = (v) => {
  if (v === null) return null;
  const ok = Array.isArray(v) && v.length <= 100 && v.every((w) => isInt(w) && w >= 0 && w <= 10_000);
  return ok ? null : "must be null or a list of pixel widths";
};

const href: AttrRule = (v) =>
  isSafeHref(v) || isRelativeHref(v)
    ? null
    : "is not an allowed link: use an http, https or mailto URL, a #anchor, a /path or a relative file path";

const imageSrc: AttrRule = (v) =>
  imageSrcKind(v)
    ? null
    : "is not an allowed image address: upload the image, or use an https URL or the file's relative path";

const pixels: AttrRule = (v) => (v === null ? null : intBetween(1, 30_000)(v));

// Ids are opaque database ids (cuid/uuid): short, and never anything HTML cares about.
const ID = /^[A-Za-z0-9_-]+$/;
// A language name becomes part of a class attribute: one token, no spaces.
const LANGUAGE = /^[A-Za-z0-9_+#.-]+$/;

const cell = {
  colspan: intBetween(1, 100),
  rowspan: intBetween(1, 1000),
  colwidth,
  align: oneOf(null, "left", "center", "right"),
};

export const ATTR_RULES: Readonly<Record<string, Readonly<Record<string, AttrRule>>>> = {
  heading: { level: intBetween(1, 6), id: text(100, { pattern: /^[\p{L}\p{M}\p{N}_-]+$/u }) },
  footnoteReference: { label: text(20, { nullable: false, pattern: /^[A-Za-z0-9_-]+$/ }) },
  footnote: { label: text(20, { nullable: false, pattern: /^[A-Za-z0-9_-]+$/ }) },
  orderedList: { start: intBetween(0, 1_000_000), type: oneOf(null, "1", "a", "A", "i", "I") },
  codeBlock: { language: text(40, { pattern: LANGUAGE }) },
  tableCell: cell,
  tableHeader: cell,
  taskItem: { checked: oneOf(true, false) },
  mention: { id: text(64, { nullable: false, pattern: ID }), label: text(200), mentionSuggestionChar: oneOf("@") },
  link: { href, title: text(500), target: text(20), rel: text(100), class: text(100) },
  comment: { threadId: text(64, { nullable: false, pattern: ID }) },
  image: {
    src: imageSrc,
    alt: text(1000),
    caption: text(1000),
    width: pixels,
    height: pixels,
    size: oneOf(null, ...IMAGE_SIZES),
  },
};

/**
 * Link attributes the server owns. Pasted HTML carries whatever `target`, `rel`
 * and `class` the source page had; refusing those would make a save fail for a
 * reason the writer cannot see, and keeping them would let content restyle the
 * page (`class="fixed inset-0"`) or drop `noopener`. So they are reset, not refused.
 */
export const LINK_PRESENTATION = { target: "_blank", rel: "noopener noreferrer nofollow", class: null } as const;
