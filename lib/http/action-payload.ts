/**
 * Server-action arguments arrive in React's reply encoding: JSON "chunks" (the body
 * itself, or numbered multipart fields) in which a string starting with `$` is a
 * reference — to another chunk (`$1`, `$@1`), a Map or Set (`$Q1`, `$W1`), a server
 * function (`$h1`), a stream, a typed array… React decodes these before our action
 * runs, and a dangling or hostile one throws inside Next, which answers with an
 * internal error. This checks a payload the way a browser running our own pages
 * would have encoded it, so proxy.ts can refuse the rest with a 400 first.
 *
 * What our actions receive: strings, numbers, booleans, null, plain objects and
 * arrays, undefined, dates and form data. So a `$` string may be an escaped `$`
 * (`$$…`), one of React's constants (`$undefined`, `$NaN`, `$Infinity`, `$-Infinity`,
 * `$-0`), a date (`$D…`), a bigint (`$n` and digits), form data (`$K` and hex), or a
 * reference to a chunk that is in this payload (`$1`, `$@1`, `$1:path:to:value`
 * where the path exists). Anything else is refused, and so is nesting deeper than
 * MAX_DEPTH (React's decoder recurses): editor JSON may nest 100 nodes (lib/editor/validate.ts),
 * two JSON levels each, inside the action's argument list.
 */
export const MAX_DEPTH = 256;
/** React's own budget (`arraySizeLimit`): slots plus characters of strings in one tree of nested lists. */
export const ARRAY_BUDGET = 1_000_000;
/** Our pages send a reference only for an object passed twice; a payload of them is a probe. */
export const MAX_REFERENCES = 100;

export type Chunks = Map<string, string>;

/** How deeply `text` nests arrays and objects, counted without parsing (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

const CONSTANT = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d{1,300}$|K[0-9a-f]{1,8}$)/i;
/** `$<chunk>` and a path of keys into it; a key may be empty (an object's "" key: `$0:0:`). */
const REFERENCE = /^\$@?([0-9a-f]{1,8})((?::[^:]*)*)$/i;

type Parsed = Map<string, unknown>;
const PROTO = "__proto__";

function parseChunk(parsed: Parsed, chunks: Chunks, id: string): unknown {
  if (!parsed.has(id)) {
    const text = chunks.get(id)!;
    parsed.set(id, JSON.parse(text) as unknown);
  }
  return parsed.get(id);
}

/** Whether `$id:a:b` names something that exists: chunk `id`, then own properties a, b. */
function resolves(parsed: Parsed, chunks: Chunks, prefix: string, id: string, path: string): boolean {
  const key = `${prefix}${parseInt(id, 16)}`;
  if (!chunks.has(key)) return false;
  let value = parseChunk(parsed, chunks, key);
  for (const step of path.split(":").slice(1)) {
    // React drops `__proto__` keys as it decodes, so a path through one names nothing (its decoder throws).
    if (step === PROTO || value === null || typeof value !== "object" || !Object.hasOwn(value, step)) return false;
    value = (value as Record<string, unknown>)[step];
  }
  return true;
}

/**
 * Lists nested in lists (no object between) share one budget, as React counts them: each list its length + 1,
 * each string in it its length. Past ARRAY_BUDGET React throws, if any of those lists has more than one item.
 */
type ListBudget = { count: number; fork: boolean };

/** Why this set of chunks is not something our pages send (a sentence), or null when it is fine. */
export function replyProblem(chunks: Chunks, prefix = ""): string | null {
  const parsed: Parsed = new Map();
  let references = 0;
  for (const [key, text] of chunks) {
    if (jsonDepth(text) > MAX_DEPTH) return `the arguments nest deeper than ${MAX_DEPTH} levels`;
    let root: unknown;
    try {
      root = parseChunk(parsed, chunks, key);
    } catch {
      return "the arguments are not valid JSON";
    }
    const stack: [unknown, ListBudget | null][] = [[root, null]];
    while (stack.length) {
      const [value, list] = stack.pop()!;
      if (typeof value === "string") {
        if (list && (list.count += value.length) > ARRAY_BUDGET && list.fork) return "the arguments are too large";
        if (!value.startsWith("$") || CONSTANT.test(value)) continue;
        const ref = REFERENCE.exec(value);
        if (ref && ++references > MAX_REFERENCES) return "the arguments hold too many references";
        let found: boolean;
        try {
          found = !!ref && resolves(parsed, chunks, prefix, ref[1]!, ref[2]!);
        } catch {
          // The chunk it points to is not JSON (found before that chunk's own turn in this loop).
          return "the arguments are not valid JSON";
        }
        if (found) continue;
        return `the arguments contain ${JSON.stringify(value.slice(0, 20))}, which no page of this app sends`;
      }
      if (Array.isArray(value)) {
        const budget = list ?? { count: 0, fork: false };
        budget.fork ||= value.length > 1;
        if ((budget.count += value.length + 1) > ARRAY_BUDGET && budget.fork) return "the arguments are too large";
        for (const item of value) stack.push([item, budget]);
      } else if (value && typeof value === "object") {
        // React deletes a `__proto__` key without decoding what it holds, so nothing under it counts.
        for (const [key, item] of Object.entries(value)) if (key !== PROTO) stack.push([item, null]);
      }
    }
  }
  return null;
}
