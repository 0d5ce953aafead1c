/**
 * Raw HTML in Markdown, read as far as a design doc needs it and no further: the
 * handful of tags that have a meaning in our schema are mapped, comments vanish,
 * and everything else stays visible as text (it never becomes live HTML).
 */

export type InlineHtml =
  | { kind: "drop" }
  | { kind: "break" }
  | { kind: "open"; mark: string; tag: string; attrs?: Record<string, string> }
  | { kind: "close"; tag: string }
  | { kind: "anchor"; id: string }
  | { kind: "image"; src: string; alt: string; title: string; width?: string; height?: string; size?: string }
  | { kind: "text" };

const MARK_TAGS: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  s: "strike",
  del: "strike",
  strike: "strike",
  u: "underline",
  ins: "underline",
  code: "code",
  tt: "code",
  var: "code",
  samp: "code",
  sup: "superscript",
  sub: "subscript",
  kbd: "kbd",
};
/** Wrappers that only style their words: the words stay, the tag goes. */
const TRANSPARENT = new Set(["span", "abbr", "small", "big", "font", "mark", "cite", "q", "dfn", "time", "nobr"]);

const COMMENT = /^<!--[\s\S]*?-->$/;
const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>$/;
/** Blocks longer than this are shown as text: real ones are short, and the patterns below need not be linear. */
const MAX_BLOCK = 8 * 1024;
const ATTR = /([A-Za-z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** What an `<img>` says that an image node keeps. */
export function imageAttrs(a: Record<string, string>) {
  return {
    src: a.src ?? "",
    alt: a.alt ?? "",
    title: a.title ?? "",
    width: a.width,
    height: a.height,
    size: a["data-size"],
  };
}

export function readAttrs(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!(name in out)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

/** One inline HTML token (`<sup>`, `</a>`, `<!-- x -->`, `<br/>`…). */
export function classifyInlineHtml(html: string): InlineHtml {
  const raw = html.trim();
  if (COMMENT.test(raw)) return { kind: "drop" };
  const m = TAG.exec(raw);
  if (!m) return { kind: "text" };
  const closing = m[1] === "/";
  const tag = m[2]!.toLowerCase();
  if (tag === "br") return closing ? { kind: "drop" } : { kind: "break" };
  if (TRANSPARENT.has(tag)) return { kind: "drop" };
  if (closing) return MARK_TAGS[tag] || tag === "a" ? { kind: "close", tag } : { kind: "text" };
  const attrs = readAttrs((m[3] ?? "").replace(/\/\s*$/, ""));
  if (MARK_TAGS[tag]) return { kind: "open", mark: MARK_TAGS[tag]!, tag };
  if (tag === "img") return { kind: "image", ...imageAttrs(attrs) };
  if (tag === "a") {
    if (attrs.href) return { kind: "open", mark: "link", tag, attrs: { href: attrs.href, title: attrs.title ?? "" } };
    const id = attrs.id || attrs.name;
    return id ? { kind: "anchor", id } : { kind: "drop" };
  }
  return { kind: "text" };
}

export type BlockHtml = {
  /** Text left once comments and the tags we understand are taken out (shown as text). */
  rest: string;
  openDetails: boolean;
  summary: string | null;
  closeDetails: boolean;
  anchors: string[];
  images: ReturnType<typeof imageAttrs>[];
  rule: boolean;
};

const WRAPPERS = /<\/?(p|div|center|picture|source)(\s[^>]*)?>/gi;

/** One HTML block: `<details>`/`<summary>`, anchors, images and rules are picked out; the rest is text. */
export function classifyBlockHtml(html: string): BlockHtml {
  const out: BlockHtml = {
    rest: "",
    openDetails: false,
    summary: null,
    closeDetails: false,
    anchors: [],
    images: [],
    rule: false,
  };
  if (html.length > MAX_BLOCK) return { ...out, rest: html.trimEnd() };
  let s = html.replace(/<!--[\s\S]*?(-->|$)/g, "");
  s = s.replace(/<details(\s[^>]*)?>/gi, () => ((out.openDetails = true), ""));
  s = s.replace(/<summary(\s[^>]*)?>([\s\S]*?)<\/summary>/gi, (_w, _a, inner: string) => {
    out.summary = decodeEntities(inner.replace(/<[^>]*>/g, ""))
      .replace(/\s+/g, " ")
      .trim();
    return "";
  });
  s = s.replace(/<\/details\s*>/gi, () => ((out.closeDetails = true), ""));
  s = s.replace(/<a\s([^>]*)>\s*<\/a>/gi, (whole, attrs: string) => {
    const a = readAttrs(attrs);
    const id = a.id || a.name;
    if (!id || a.href) return whole;
    out.anchors.push(id);
    return "";
  });
  const onlyMedia =
    s
      .replace(WRAPPERS, "")
      .replace(/<img\s[^>]*>|<hr\s*\/?>|<br\s*\/?>/gi, "")
      .trim() === "";
  if (onlyMedia) {
    for (const m of s.matchAll(/<img\s([^>]*)>/gi)) {
      out.images.push(imageAttrs(readAttrs(m[1]!.replace(/\/$/, ""))));
    }
    out.rule = /<hr\s*\/?>/i.test(s);
    s = "";
  }
  out.rest = s.replace(/^\s*\n|\n\s*$/g, "").trimEnd();
  return out;
}
