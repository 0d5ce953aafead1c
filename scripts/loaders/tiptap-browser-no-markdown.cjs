// Turbopack loader for Tiptap's extension packages in browser bundles only (next.config.ts, `turbopack.rules`).
//
// Tiptap 3 extensions carry Markdown hooks (`parseMarkdown`, `renderMarkdown`, `markdownTokenizer`, …) read only by
// @tiptap/markdown, and they pull @tiptap/core's Markdown helpers (parseIndentedBlocks, createInlineMarkdownSpec, …)
// into every editor. The browser never loads @tiptap/markdown: our Markdown is lib/markdown (markdown-it, its own
// serializer; lib/editor/markdown.ts says why), and the editor does not read these fields. Here those properties,
// and spreads of core's `create…MarkdownSpec(…)`, leave the extensions' object literals.
//
// Link's `markdownLinks` option ("[text](url)" typed or pasted becomes a link) is off in our editors (its default;
// lib/editor/link-options.ts, a unit test checks): the two rules it would add keep their names and throw if ever
// made, and the Markdown-link parsing they used (~0.5 KB gzip) leaves the bundle with them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Turbopack runs webpack loaders as CommonJS
const acorn = require("acorn");

const HOOKS = new Set(["markdownTokenName", "parseMarkdown", "renderMarkdown", "markdownTokenizer", "markdownOptions"]);
const SPEC = /^create\w*MarkdownSpec$/;
const MENTIONS =
  /markdownTokenName|parseMarkdown|renderMarkdown|markdownTokenizer|markdownOptions|MarkdownSpec\(|markdownLink\w*Rule/;
/** Link's Markdown-link rules, made only with `markdownLinks: true`. */
const MARKDOWN_LINK_RULES = new Set(["markdownLinkInputRule", "markdownLinkPasteRule"]);
const OFF_RULE =
  "{ throw new Error(\"Link's markdownLinks option is left out of this build " +
  '(scripts/loaders/tiptap-browser-no-markdown.cjs)"); }';

const keyName = (prop) =>
  prop.type === "Property" && !prop.computed ? (prop.key.name ?? prop.key.value ?? null) : null;
const isHook = (prop) =>
  HOOKS.has(keyName(prop)) ||
  (prop.type === "SpreadElement" &&
    prop.argument.type === "CallExpression" &&
    prop.argument.callee.type === "Identifier" &&
    SPEC.test(prop.argument.callee.name));

/** Every node below `node`, depth first (acorn's AST is plain objects). */
function walk(node, visit) {
  if (!node || typeof node.type !== "string") return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value.type === "string") walk(value, visit);
  }
}

function stripMarkdownHooks(source) {
  if (!MENTIONS.test(source)) return source;
  const ast = acorn.parse(source, { ecmaVersion: "latest", sourceType: "module" });
  /** [start, end) ranges to cut. */
  const cuts = [];
  /** [start, end, replacement] of the rules' bodies. */
  const bodies = [];
  walk(ast, (node) => {
    if (node.type === "FunctionDeclaration" && MARKDOWN_LINK_RULES.has(node.id?.name))
      bodies.push([node.body.start, node.body.end, OFF_RULE]);
    if (node.type !== "ObjectExpression") return;
    const props = node.properties;
    let lastKept = -1;
    props.forEach((prop, i) => !isHook(prop) && (lastKept = i));
    props.forEach((prop, i) => {
      // A hook before the last kept property goes with the comma after it.
      if (i < lastKept && isHook(prop)) cuts.push([prop.start, props[i + 1].start]);
    });
    // Hooks after it go together with the comma before them.
    if (lastKept < props.length - 1)
      cuts.push([lastKept >= 0 ? props[lastKept].end : props[0].start, props[props.length - 1].end]);
  });
  const edits = [...cuts.map(([start, end]) => [start, end, ""]), ...bodies];
  edits.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end, replacement] of edits) {
    if (start < at) continue; // inside a hook already cut (a hook's own body holding hooks)
    out += source.slice(at, start) + replacement;
    at = end;
  }
  return out + source.slice(at);
}

module.exports = function tiptapBrowserNoMarkdown(source) {
  return stripMarkdownHooks(source);
};
module.exports.stripMarkdownHooks = stripMarkdownHooks;
