import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { describe, expect, it } from "vitest";
import { arc42Doc } from "./fixtures/arc42";
import { footnoteTail } from "./footnote-tail";

const theirs = new MarkdownIt("default", { html: true }).use(footnote);
const ours = new MarkdownIt("default", { html: true }).use(footnote);
ours.core.ruler.at("footnote_tail", footnoteTail);

const dir = path.join(import.meta.dirname, "fixtures");
const docs = [
  ...readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => readFileSync(path.join(dir, f), "utf8")),
  arc42Doc(40),
  "a[^1] b[^x] c^[inline *one*] d[^1]\n\n[^1]: one\n\n    more\n[^x]: ex\n\n> q[^q]\n\n[^q]: in quote\n",
  "[^undefined] and no definitions",
  "no footnotes at all",
];

describe("footnoteTail", () => {
  // The plugin itself is quadratic on footnotes: a minute, not 5 s, on a loaded machine.
  it(
    "reads footnotes exactly as markdown-it-footnote does: the same tokens for every fixture",
    { timeout: 60_000 },
    () => {
      for (const doc of docs) expect(ours.parse(doc, {})).toEqual(theirs.parse(doc, {}));
    },
  );
});
