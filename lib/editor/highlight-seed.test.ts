import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { highlightSeeds, seedKey } from "./highlight-seed";
import { highlightRanges, type HighlightRange } from "./lowlight";
import { renderDocToHTML } from "./render-html";

const code = (language: string | null, text: string): JSONContent => ({
  type: "codeBlock",
  attrs: { language },
  content: text ? [{ type: "text", text }] : [],
});

const BLOCKS: [string | null, string][] = [
  ["sql", "SELECT id, total FROM orders WHERE total > 10 AND note <> '&lt;b>';\n"],
  [
    "typescript",
    "export async function pay(order: Order): Promise<Receipt> {\n" +
      '  return api.post(`/pay/${order.id}`, { "a": 1 });\n}',
  ],
  ["kotlin", 'fun main() = println("<not highlighted>")'],
  [null, "plain & simple"],
  ["python", ""],
];

/** The classes each character is painted with (runs split differently still paint the same). */
function paint(text: string, ranges: HighlightRange[]): string[] {
  const out = Array.from(text, () => "");
  for (const r of ranges) for (let i = r.from; i < r.to; i++) out[i] = r.className;
  return out;
}

describe("highlight seeds: the server's colours read back from its HTML", () => {
  it("paint every code block exactly as the editor's highlighter does", () => {
    const html = renderDocToHTML({ type: "doc", content: BLOCKS.map(([lang, text]) => code(lang, text)) });
    const seeds = highlightSeeds(html);
    expect(seeds.size).toBe(BLOCKS.length);
    for (const [lang, text] of BLOCKS) {
      const seeded = seeds.get(seedKey(lang, text));
      expect(seeded, `${lang}: ${text}`).toBeDefined();
      expect(paint(text, seeded!)).toEqual(paint(text, highlightRanges(lang, text)));
    }
    // Real colours, not an empty agreement.
    expect(seeds.get(seedKey("sql", BLOCKS[0]![1]))!.some((r) => r.className === "hljs-keyword")).toBe(true);
  });

  it("a changed text or language has no seed (the editor highlights it itself)", () => {
    const seeds = highlightSeeds(renderDocToHTML({ type: "doc", content: [code("sql", "SELECT 1")] }));
    expect(seeds.get(seedKey("sql", "SELECT 12"))).toBeUndefined();
    expect(seeds.get(seedKey("typescript", "SELECT 1"))).toBeUndefined();
  });

  it("leaves out a block holding markup the renderer does not write in code", () => {
    const seeds = highlightSeeds('<pre><code class="language-sql"><b>SELECT</b> 1</code></pre>');
    expect(seeds.size).toBe(0);
  });
});
