/**
 * The browser's stand-in for `linkifyjs` (next.config.ts aliases it for client
 * bundles; the server keeps the real one, which never runs there anyway).
 *
 * Why: Tiptap's Link extension uses linkify to find URLs when someone types or
 * pastes them. Most of linkify (~10 KB gzip) is its tables of top-level domains,
 * there to spot bare "example.com" and "ada@example.com". Our link policy
 * (./links.ts) refuses exactly those: only http(s) and mailto URLs written with
 * their scheme become links. So this finds those and nothing else, with the same
 * token shapes the Link extension reads (`isLink`, `value`, `href`, `start`, `end`).
 *
 * INVARIANT: exports what @tiptap/extension-link imports from "linkifyjs" (find,
 * tokenize, registerCustomProtocol, reset); a Tiptap upgrade that imports more
 * fails the build, it does not silently lose links.
 */

export type LinkMatch = {
  type: "url" | "text";
  value: string;
  isLink: boolean;
  href: string;
  start: number;
  end: number;
};

type Token = { isLink: boolean; value: string; toObject: (defaultProtocol?: string) => LinkMatch };

// A scheme we link, then everything up to whitespace or a character that cannot be in a written URL.
const CANDIDATE = /(?:https?:\/\/|mailto:)[^\s<>"`\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/gi;
const HAS_TARGET = /^(?:https?:\/\/[^/?#]+|mailto:.+)/i;
const TRAILING = /[.,;:!?']$/;
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * Trailing punctuation is the sentence's, not the URL's; a closing bracket stays if the URL opened it ("…/Foo_(bar)").
 */
function trimEnd(url: string): string {
  let end = url;
  for (;;) {
    const last = end.at(-1) ?? "";
    if (TRAILING.test(last)) end = end.slice(0, -1);
    else if (last in CLOSERS && count(end, last) > count(end, CLOSERS[last]!)) end = end.slice(0, -1);
    else return end;
  }
}

/** Every http(s) and mailto URL in `text`, in order. */
export function find(text: string): LinkMatch[] {
  const found: LinkMatch[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const value = trimEnd(match[0]);
    if (!HAS_TARGET.test(value)) continue;
    const start = match.index;
    found.push({ type: "url", value, isLink: true, href: value, start, end: start + value.length });
  }
  return found;
}

const token = (type: LinkMatch["type"], value: string, start: number): Token => ({
  isLink: type === "url",
  value,
  toObject: () => ({ type, value, isLink: type === "url", href: value, start, end: start + value.length }),
});

/** `text` cut into link and plain-text tokens (for the Link extension's autolink, which checks a word is one link). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const link of find(text)) {
    if (link.start > at) tokens.push(token("text", text.slice(at, link.start), at));
    tokens.push(token("url", link.value, link.start));
    at = link.end;
  }
  if (at < text.length) tokens.push(token("text", text.slice(at), at));
  return tokens;
}

/** No custom schemes: the link policy has none (linkOptions.protocols is empty). */
export function registerCustomProtocol(): void {}

/** Nothing registered, nothing to reset. */
export function reset(): void {}
