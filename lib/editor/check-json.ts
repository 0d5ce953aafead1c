import type { JSONContent } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { ATTR_RULES, LINK_PRESENTATION } from "./attr-rules";

/**
 * A strict walk over untrusted editor JSON, before ProseMirror sees it.
 * ProseMirror's own `fromJSON` throws on unknown types but keeps any attribute
 * value, drops unknown attributes silently and reports shape errors as
 * TypeErrors; this walk turns all of that into one message a writer (or an API
 * client) can act on, and builds a fresh copy so nothing of the input object
 * (prototype included) survives into storage.
 *
 * Unknown attributes and fields are REJECTED, not dropped: the editor never
 * produces them (its parser only reads attributes it declares), so one arriving
 * means a client bug or a probe, and a silent drop would hide either.
 */
export type WalkLimits = { maxDepth: number };

export class ContentError extends Error {}

type Json = Record<string, unknown>;

const NODE_FIELDS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_FIELDS = new Set(["type", "attrs"]);
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function isPlainObject(value: unknown): value is Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function fail(path: string, message: string): never {
  throw new ContentError(path ? `${message} (at ${path})` : message);
}

function checkKeys(obj: Json, allowed: Set<string>, what: string, path: string): void {
  for (const key of Object.keys(obj)) {
    if (FORBIDDEN_KEYS.has(key)) fail(path, `Forbidden key "${key}" on ${what}`);
    if (!allowed.has(key)) fail(path, `Unknown field "${key}" on ${what}`);
  }
}

function copyAttrs(raw: unknown, typeName: string, declared: Record<string, unknown>, path: string): Json | undefined {
  if (raw === undefined) return undefined;
  if (!isPlainObject(raw)) fail(path, `Attributes of ${typeName} must be an object`);
  const out: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    if (FORBIDDEN_KEYS.has(key)) fail(path, `Forbidden key "${key}" in attributes of ${typeName}`);
    if (!Object.hasOwn(declared, key)) fail(path, `Unknown attribute "${key}" on ${typeName}`);
    const rule = ATTR_RULES[typeName]?.[key];
    const problem = rule ? rule(value) : "has no validation rule";
    if (problem) fail(path, `Attribute "${key}" of ${typeName} ${problem}`);
    out[key] = value;
  }
  return out;
}

type MarkJSON = { type: string; attrs?: Json };

function copyMark(raw: unknown, schema: Schema, path: string): MarkJSON {
  if (!isPlainObject(raw)) fail(path, "Each mark must be an object");
  checkKeys(raw, MARK_FIELDS, "a mark", path);
  const { type } = raw;
  if (typeof type !== "string") fail(path, "Each mark needs a string type");
  if (!Object.hasOwn(schema.marks, type)) fail(path, `Unknown mark type "${type}"`);
  const declared = schema.marks[type]!.spec.attrs ?? {};
  let attrs = copyAttrs(raw.attrs, type, declared, path);
  if (type === "link") {
    if (typeof attrs?.href !== "string") fail(path, "A link needs an href");
    attrs = { ...attrs, ...LINK_PRESENTATION };
  }
  return attrs ? { type, attrs } : { type };
}

function copyNode(raw: unknown, schema: Schema, limits: WalkLimits, depth: number, path: string): JSONContent {
  if (depth > limits.maxDepth) fail("", `Content is nested too deeply (more than ${limits.maxDepth} levels)`);
  if (!isPlainObject(raw)) fail(path, "Each node must be an object");
  checkKeys(raw, NODE_FIELDS, "a node", path);
  const { type } = raw;
  if (typeof type !== "string") fail(path, "Each node needs a string type");
  if (!Object.hasOwn(schema.nodes, type)) fail(path, `Unknown node type "${type}"`);
  if (type === "doc" && depth > 1) fail(path, `A "doc" node may only be the top level`);
  const out: JSONContent = { type };

  const attrs = copyAttrs(raw.attrs, type, schema.nodes[type]!.spec.attrs ?? {}, path);
  if (attrs) out.attrs = attrs;
  if (type === "image" && typeof attrs?.src !== "string") fail(path, "An image needs a src");

  if (type === "text") {
    if (typeof raw.text !== "string" || raw.text.length === 0) fail(path, "A text node needs non-empty text");
    if (raw.content !== undefined) fail(path, "A text node cannot have content");
    out.text = raw.text;
  } else if (raw.text !== undefined) {
    fail(path, `Only text nodes may have text, not ${type}`);
  }

  if (raw.marks !== undefined) {
    if (!Array.isArray(raw.marks)) fail(path, `Marks of ${type} must be a list`);
    out.marks = raw.marks.map((m, i) => copyMark(m, schema, `${path}.marks[${i}]`));
  }
  if (raw.content !== undefined) {
    if (!Array.isArray(raw.content)) fail(path, `Content of ${type} must be a list`);
    out.content = raw.content.map((child, i) => copyNode(child, schema, limits, depth + 1, `${path}.content[${i}]`));
  }
  return out;
}

/** Throws ContentError with a user-facing message; returns a clean copy otherwise. */
export function copyCheckedDoc(input: unknown, schema: Schema, limits: WalkLimits): JSONContent {
  if (!isPlainObject(input)) fail("", "Content must be a JSON object");
  if (input.type !== "doc") fail("", `Content must be a "doc" node at the top level`);
  return copyNode(input, schema, limits, 1, "doc");
}
