// Turbopack loader for lib0/dom.js in browser bundles only (next.config.ts, `turbopack.rules`).
//
// lib0/dom.js builds four schemas at module level (`$fragment`, `$element`, `$text`, `$node`, with lib0/schema.js),
// so a bundler must keep lib0/schema.js (~2 KB gzip) wherever dom.js goes. dom.js reaches the browser through
// lib0/logging.js (Yjs's warnings) and y-tiptap (`dom.doc`, `dom.addEventListener`); nothing there, nor in our code,
// reads those schemas. In a browser bundle they go, with the import that brought schema.js.
const SCHEMA_IMPORT = /^import \* as \$ from '\.\/schema\.js'\s*$/m;
const SCHEMA_EXPORT = /^export const (\$\w+) = \$\.\$custom\([^\n]*\)\s*$/gm;
const stripComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

module.exports = function lib0BrowserDom(source) {
  if (!SCHEMA_IMPORT.test(source)) return source;
  const out = source.replace(SCHEMA_IMPORT, "").replace(SCHEMA_EXPORT, "");
  if (/(?<![\w$])\$\./.test(stripComments(out)))
    throw new Error(
      "lib0/dom.js uses lib0/schema beyond its four module-level schemas: dropping the import would break it " +
        "(see scripts/loaders/lib0-browser-dom.cjs)",
    );
  return out;
};
