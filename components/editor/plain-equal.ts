/**
 * The browser's stand-in for `fast-equals` (next.config.ts aliases it for client bundles), ~2 KB gzip less in
 * every editor. @tiptap/react imports the package for one thing: `circularDeepEqual`, the default `equalityFn` of
 * `useEditorState`, which decides whether a selector's new result re-renders its component. Our selectors return
 * plain data (flags, strings, attribute objects), compared here by value.
 *
 * INVARIANT: never "equal" for values that differ. Anything that is not a plain object or an array (a Map, a Date,
 * a ProseMirror node) is equal only to itself: at worst one render too many, never a stale toolbar.
 * Exports what @tiptap/react imports from "fast-equals"; an upgrade that imports more fails the build.
 */

type Pair = [unknown, unknown];

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function equal(a: unknown, b: unknown, seen: Pair[]): boolean {
  if (Object.is(a, b)) return true;
  const arrays = Array.isArray(a) && Array.isArray(b);
  if (!arrays && !(isPlain(a) && isPlain(b))) return false;
  // A pair already being compared further up: its answer comes from there (circular data).
  if (seen.some(([x, y]) => x === a && y === b)) return true;
  seen.push([a, b]);
  try {
    if (arrays) {
      const x = a as unknown[];
      const y = b as unknown[];
      return x.length === y.length && x.every((item, i) => equal(item, y[i], seen));
    }
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(y, key) && equal(x[key], y[key], seen));
  } finally {
    seen.pop();
  }
}

export function circularDeepEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, []);
}
