/**
 * JSON with object keys sorted, so two equal documents compare equal whatever their key order (jsonb reorders keys).
 * The same text as `JSON.stringify` with a key-sorting replacer (canonical-json.test.ts holds them equal), written
 * directly: the content hash runs on every save, and the replacer built a sorted copy of every object first.
 */
export function canonicalJson(value: unknown): string {
  return write(value, "") as string;
}

const isArrayIndex = (key: string) => /^(?:0|[1-9][0-9]{0,9})$/.test(key) && Number(key) < 4294967295;
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** undefined where JSON.stringify leaves the value out (undefined, functions, symbols). */
function write(input: unknown, key: string): string | undefined {
  let value = input;
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function")
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + (write(value[i], String(i)) ?? "null");
    return out + "]";
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean)
    return JSON.stringify(value.valueOf());
  const object = value as Record<string, unknown>;
  // As an object built from sorted entries enumerates them: array-index keys first, ascending (the engine's own
  // order, which Object.keys already gives), then the others by code unit.
  const keys = Object.keys(object);
  let indexKeys = 0;
  while (indexKeys < keys.length && isArrayIndex(keys[indexKeys]!)) indexKeys++;
  if (indexKeys < keys.length) {
    const rest = keys.splice(indexKeys).sort(byCodeUnit);
    for (const k of rest) keys.push(k);
  }
  let out = "{";
  let first = true;
  for (const k of keys) {
    const text = write(object[k], k);
    if (text === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(k)}:${text}`;
    first = false;
  }
  return out + "}";
}
