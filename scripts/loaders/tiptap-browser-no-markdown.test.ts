import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { stripMarkdownHooks } = require("./tiptap-browser-no-markdown.cjs") as {
  stripMarkdownHooks: (source: string) => string;
};
const dist = (name: string) =>
  readFileSync(path.join(process.cwd(), "node_modules/@tiptap", name, "dist/index.js"), "utf8");
const HOOK = /markdownTokenName|parseMarkdown|renderMarkdown|markdownTokenizer|markdownOptions|MarkdownSpec\(/;

describe("tiptap-browser-no-markdown loader", () => {
  it.each(["extension-list", "extension-mention", "extension-text", "extension-table", "extension-bold"])(
    "takes every Markdown hook out of the installed @tiptap/%s and leaves valid JavaScript",
    (name) => {
      const source = dist(name);
      expect(source).toMatch(HOOK);
      const out = stripMarkdownHooks(source);
      expect(out).not.toMatch(HOOK);
      expect(() => parse(out, { ecmaVersion: "latest", sourceType: "module" })).not.toThrow();
    },
  );

  it("keeps what the editor reads: name, schema, commands, shortcuts", () => {
    const source = `const Bold = Mark.create({
  name: "bold",
  markdownTokenName: "strong",
  parseHTML() { return [{ tag: "strong" }]; },
  parseMarkdown: (token, h) => h.applyMark("bold", h.parseInline(token.tokens || [])),
  addCommands() { return { setBold: () => ({ commands }) => commands.setMark(this.name) }; },
  renderMarkdown: (node, h) => \`**\${h.renderChildren(node)}**\`,
  ...createInlineMarkdownSpec({ nodeName: "bold" })
});`;
    const out = stripMarkdownHooks(source);
    expect(out).not.toMatch(HOOK);
    for (const kept of ['name: "bold"', "parseHTML()", "addCommands()"]) expect(out).toContain(kept);
    expect(() => parse(out, { ecmaVersion: "latest", sourceType: "module" })).not.toThrow();
  });

  it("leaves a file without Markdown hooks as it is", () => {
    const plain = 'const Text = Node.create({ name: "text", group: "inline" });\n';
    expect(stripMarkdownHooks(plain)).toBe(plain);
  });
});

describe("tiptap-browser-no-markdown loader, Link's Markdown-link rules", () => {
  it("leaves the rules' names in the installed @tiptap/extension-link, and makes them throw if ever made", () => {
    const source = dist("extension-link");
    expect(source).toMatch(/function markdownLinkInputRule\(config\)/);
    const out = stripMarkdownHooks(source);
    expect(() => parse(out, { ecmaVersion: "latest", sourceType: "module" })).not.toThrow();
    expect(out).toMatch(/function markdownLinkInputRule\(config\) \{ throw new Error/);
    expect(out).toMatch(/function markdownLinkPasteRule\(config\) \{ throw new Error/);
    // What made them (the Markdown-link matching) is no longer reached from anything the bundle keeps.
    expect(out).not.toMatch(/isConvertibleLink\(text, match, config\.isAllowedHref\)/);
    const declaration = out.slice(
      out.indexOf("function markdownLinkInputRule"),
      out.indexOf("function markdownLinkPasteRule"),
    );
    const rule = new Function(`${declaration}; return markdownLinkInputRule;`)() as (config: unknown) => unknown;
    expect(() => rule({})).toThrow(/markdownLinks option is left out/);
  });

  it("our editors keep Link's markdownLinks off, so those rules are never made", async () => {
    const { linkOptions } = await import("@/lib/editor/link-options");
    expect((linkOptions as { markdownLinks?: boolean }).markdownLinks ?? false).toBe(false);
    const { Link } = await import("@tiptap/extension-link");
    expect(Link.configure(linkOptions).options.markdownLinks).toBe(false);
  });
});
