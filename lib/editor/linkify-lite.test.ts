import * as linkify from "linkifyjs";
import { describe, expect, it } from "vitest";
import { find, tokenize } from "./linkify-lite";
import { isSafeHref } from "./links";

const values = (text: string) => find(text).map((m) => m.value);

describe("linkify-lite: the URLs the link policy allows, as Tiptap's Link extension reads them", () => {
  it("finds http, https and mailto URLs with their positions and href", () => {
    expect(find("see https://example.com/a?b=1#c now")).toEqual([
      {
        type: "url",
        value: "https://example.com/a?b=1#c",
        isLink: true,
        href: "https://example.com/a?b=1#c",
        start: 4,
        end: 31,
      },
    ]);
    expect(values("http://localhost:3000/x and mailto:ada@example.com")).toEqual([
      "http://localhost:3000/x",
      "mailto:ada@example.com",
    ]);
    expect(values("HTTPS://EXAMPLE.COM")).toEqual(["HTTPS://EXAMPLE.COM"]);
  });

  it("leaves the sentence's punctuation and unopened brackets out", () => {
    expect(values("Read https://example.com/docs.")).toEqual(["https://example.com/docs"]);
    expect(values("(see https://example.com/x), then")).toEqual(["https://example.com/x"]);
    expect(values("https://en.wikipedia.org/wiki/Foo_(bar)!")).toEqual(["https://en.wikipedia.org/wiki/Foo_(bar)"]);
    expect(values("<https://example.com>")).toEqual(["https://example.com"]);
    expect(values('"https://example.com/it\'s"')).toEqual(["https://example.com/it's"]);
  });

  it("finds nothing the policy would refuse: bare domains and emails, other schemes, a scheme alone", () => {
    expect(find("example.com ada@example.com javascript:alert(1) ftp://example.com https:// mailto:")).toEqual([]);
  });

  it("every URL it finds is an allowed href", () => {
    for (const text of ["https://a.b/c?d", "mailto:x@y.z", "http://[::1]:80/p", "https://example.com/ü"]) {
      for (const m of find(text)) expect(isSafeHref(m.href)).toBe(true);
    }
  });

  it("tokenizes a word into link and text tokens, so only a word that is one link gets autolinked", () => {
    const shape = (word: string) => tokenize(word).map((t) => [t.isLink, t.value]);
    expect(shape("https://example.com")).toEqual([[true, "https://example.com"]]);
    expect(shape("(https://example.com)")).toEqual([
      [false, "("],
      [true, "https://example.com"],
      [false, ")"],
    ]);
    expect(shape("example.com")).toEqual([[false, "example.com"]]);
    const [link] = tokenize("https://example.com").map((t) => t.toObject("https"));
    expect(link).toEqual({
      type: "url",
      value: "https://example.com",
      isLink: true,
      href: "https://example.com",
      start: 0,
      end: 19,
    });
  });

  it("cuts a word with a scheme exactly as linkify does (which the Link extension was written against)", () => {
    const words = [
      "https://example.com/docs.",
      "(https://example.com)",
      "[https://example.com/a]",
      "https://en.wikipedia.org/wiki/Foo_(bar)",
      "https://x.com/a?b=c&d=e#f",
      "https://localhost:3000/x",
      "https://ex.com/a_",
      "https://ex.com/a,b",
      "https://ex.com/it's",
      "https://ex.com/a!",
      "https://ex.com/a?",
      "https://ex.com/a:",
      "mailto:ada@example.com",
      "HTTP://EX.COM",
    ];
    const shape = (tokens: { toObject: (p: string) => { isLink: boolean; value: string; href: string } }[]) =>
      tokens
        .map((t) => t.toObject("https"))
        .map(({ isLink, value, href }) => ({ isLink, value, href: isLink ? href : "" }));
    for (const word of words) expect(shape(tokenize(word)), word).toEqual(shape(linkify.tokenize(word)));
  });
});
