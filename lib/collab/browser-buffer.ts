/**
 * Node's `buffer` module as the browser bundle sees it (next.config.ts aliases it here for the browser).
 *
 * lib0, under Yjs and the Hocuspocus provider, names the global `Buffer` in its Node-only base64 branch
 * (lib0/buffer.js picks the browser one when `window` exists). For that mention Turbopack shipped Next's Buffer
 * polyfill, ~7 KB gzip, twice on the doc page (in the live channel's chunk and again in the live editor's).
 * Nothing that runs in the browser calls it; a library that did would get `undefined` here and fail loudly.
 */
export const Buffer = undefined;
const buffer = { Buffer };
export default buffer;
