// Turbopack loader for lib0/buffer.js in browser bundles only (next.config.ts, `turbopack.rules`).
//
// lib0 base64-encodes with Node's `Buffer` outside browsers (`toBase64Node`, `fromBase64Node`) and with btoa/atob
// in them. Turbopack sees the identifier `Buffer` (bare or as `globalThis.Buffer`) and bundles a Buffer polyfill
// (~7 KB gzip) into every browser chunk group that reaches lib0/buffer (Yjs, y-tiptap). In a browser bundle the
// Node variants become the browser ones, which lib0 picks there anyway (btoa/atob exist in workers too), so no
// `Buffer` is left to polyfill. `resolveAlias` cannot do this: Next maps the polyfill's `node:buffer` after user
// aliases.
const FREE_BUFFER = /(?<![\w$.])Buffer\b/;
const NODE_VARIANT = /^const (\w+)Node = [^\n]*\bBuffer\b[^\n]*$/gm;
const stripComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

module.exports = function lib0BrowserBuffer(source) {
  if (!FREE_BUFFER.test(stripComments(source))) return source;
  const out = source.replace(NODE_VARIANT, (line, name) =>
    new RegExp(`^const ${name}Browser = `, "m").test(source) ? `const ${name}Node = ${name}Browser` : line,
  );
  if (FREE_BUFFER.test(stripComments(out)))
    throw new Error(
      "lib0/buffer.js names Buffer outside its one-line Node variants: the browser bundle would get the Buffer " +
        "polyfill back (see scripts/loaders/lib0-browser-buffer.cjs)",
    );
  return out;
};
