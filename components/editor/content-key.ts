/**
 * A canonical string for editor JSON, used to tell "same content" apart from
 * "changed". Plain JSON.stringify is not enough: the server stores content in a
 * jsonb column, which hands keys back in its own order, so the same document can
 * arrive with `{ "type", "attrs" }` or `{ "attrs", "type" }`.
 *
 * INVARIANT: two values with equal JSON meaning give equal keys (object keys are
 * sorted, `undefined` members are dropped exactly as JSON.stringify drops them).
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? "null" : stableStringify(item))).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || typeof member === "function") continue;
    members.push(`${JSON.stringify(key)}:${stableStringify(member)}`);
  }
  return `{${members.join(",")}}`;
}

export function sameContent(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/**
 * A plain-JSON copy of editor content. ProseMirror builds node and mark `attrs`
 * with `Object.create(null)`, and React's server-function encoder refuses objects
 * without Object.prototype (it sends an opaque "$T" reference instead, which the
 * server then rejects as "Attributes … must be an object"). Every save and draft
 * goes through this copy.
 */
export function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
