// Turbopack loader for lib0/buffer.js in browser bundles only (next.config.ts, `turbopack.rules`).
//
// lib0 base64-encodes with Node's `Buffer` outside browsers and with btoa/atob in them. Turbopack sees the free
// identifier `Buffer` and bundles a Buffer polyfill (~7 KB gzip) into every browser chunk that reaches lib0/buffer
// (Yjs, y-tiptap): once for the live read view, once more for the live editor. In a browser lib0 never takes the
// Node branch, so reading Node's Buffer through `globalThis` changes nothing at run time and leaves no free
// identifier to polyfill. `resolveAlias` cannot do this: Next maps the polyfill's `node:buffer` after user aliases.
const FREE_BUFFER = /(?<![\w$.])Buffer\b/;
const NODE_CALL = /(?<![\w$.])Buffer\.from\(/g;
const stripComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");

module.exports = function lib0BrowserBuffer(source) {
  if (!FREE_BUFFER.test(stripComments(source))) return source;
  const out = source.replace(NODE_CALL, "globalThis.Buffer.from(");
  if (FREE_BUFFER.test(stripComments(out)))
    throw new Error(
      "lib0/buffer.js names Buffer other than in Buffer.from(): the browser bundle would get the Buffer polyfill " +
        "back (see scripts/loaders/lib0-browser-buffer.cjs)",
    );
  return out;
};
