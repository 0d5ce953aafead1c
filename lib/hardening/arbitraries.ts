/**
 * Hostile input for the fuzzer (lib/hardening/fuzz.hardening.test.ts): the values a
 * careless or malicious client can put where the app expects its own input. Wrong
 * types, huge strings, deep nesting, prototype-pollution keys, invalid editor JSON,
 * script in every form, and forged ids and tokens mixed with real ones, so a payload
 * gets past the first check often enough to reach the deeper ones.
 */
import fc from "fast-check";

/** Field names the app's zod schemas and route handlers read: hostile values land where code looks. */
export const FIELD_NAMES = [
  "archived",
  "author",
  "baseVersion",
  "body",
  "content",
  "description",
  "email",
  "expiresAt",
  "expiresInDays",
  "guidance",
  "invitation",
  "key",
  "kind",
  "label",
  "markdown",
  "message",
  "name",
  "password",
  "q",
  "required",
  "requiredApprovals",
  "revision",
  "reviewerIds",
  "role",
  "rule",
  "sectionKeys",
  "sectionVersions",
  "sections",
  "sort",
  "status",
  "templateId",
  "title",
  "token",
  "verdict",
  "workspace",
  "dueAt",
  "userId",
  "membershipId",
  "docId",
  "sectionKey",
  "type",
  "attrs",
  "marks",
  "text",
  "href",
  "ticket",
  "callbackUrl",
] as const;

export const PROTO_KEYS = ["__proto__", "constructor", "prototype"] as const;

export const XSS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(document.cookie)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "<svg/onload=alert(1)>",
  "</textarea><script>alert(1)</script>",
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}",
  "' OR '1'='1' --",
  '\'; DROP TABLE "Section"; --',
  "../../../../etc/passwd",
  "%00%2e%2e%2f",
  "\u0000",
  "\u202e\u0644\u0627",
  "\ud800",
  "a\u0000b",
  "🙂".repeat(50),
  "\r\nSet-Cookie: injected=1",
  "https://evil.example/",
  "//evil.example",
] as const;

/**
 * Strings React's action decoder reads as references (to other chunks, Maps, Sets, server functions, blobs,
 * streams…) or constants. Sent raw in an action body they are hostile (the assessment: "$h1", "$1", "$Q1");
 * as plain arguments to our code they must be plain text.
 */
export const ACTION_REFERENCES = [
  "$h1",
  "$1",
  "$Q1",
  "$W1",
  "$@1",
  "$F1",
  "$K1",
  "$T",
  "$B1",
  "$R1",
  "$r1",
  "$X1",
  "$i1",
  "$n1x",
  "$n99",
  "$D2020-01-01",
  "$undefined",
  "$NaN",
  "$$",
  "$0:constructor",
  "$0:0:__proto__",
  "$1:a:b",
  "$Z",
  "$",
] as const;

/** Built once: generating megabytes per run would spend the budget on memcpy. */
export const HUGE_STRING = "A".repeat(1024 * 1024 + 17);
const DEPTH = 10_000;
/** 10,000 levels of objects / arrays, as values and as the JSON text a client would send. */
export const DEEP_OBJECT_TEXT = `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}`;
export const DEEP_ARRAY_TEXT = `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`;
export const DEEP_OBJECT: unknown = JSON.parse(DEEP_OBJECT_TEXT);
export const DEEP_ARRAY: unknown = JSON.parse(DEEP_ARRAY_TEXT);
/** Editor JSON nested 10,000 blockquotes deep: valid node types, absurd structure. */
export const DEEP_TIPTAP_TEXT =
  '{"type":"doc","content":[' +
  '{"type":"blockquote","content":['.repeat(DEPTH) +
  '{"type":"paragraph"}' +
  "]}".repeat(DEPTH) +
  "]}";
export const DEEP_TIPTAP: unknown = JSON.parse(DEEP_TIPTAP_TEXT);

const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const doc = (...content: unknown[]) => ({ type: "doc", content });

/** Editor JSON that must be refused (or sanitized): unknown nodes, bad links, broken structure. */
export const INVALID_TIPTAP: unknown[] = [
  doc({ type: "script", content: [text("alert(1)")] }),
  doc(para(text("click", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))),
  doc(para(text("click", [{ type: "link", attrs: { href: "  JAVASCRIPT:alert(1)" } }]))),
  doc(para(text("click", [{ type: "link", attrs: { href: "data:text/html,<script>alert(1)</script>" } }]))),
  doc({ type: "image", attrs: { src: "javascript:alert(1)" } }),
  doc({ type: "heading", attrs: { level: 99 }, content: [text("h")] }),
  doc(para(text(""))),
  doc(para({ type: "text" })),
  doc(para(text("x", [{ type: "evil" }]))),
  doc(para(text("x", [{ type: "bold", attrs: { onclick: "alert(1)" } }]))),
  doc({ type: "paragraph", attrs: { style: "background:url(javascript:alert(1))" }, content: [text("x")] }),
  doc({ type: "codeBlock", attrs: { language: '"><script>alert(1)</script>' }, content: [text("x")] }),
  doc({ type: "table", content: [{ type: "paragraph" }] }),
  doc({ type: "bulletList", content: [text("not a list item")] }),
  doc(doc(para(text("nested doc")))),
  { type: "paragraph", content: [text("no doc at the top")] },
  { type: "doc", content: "not an array" },
  { type: "doc", content: [null, 1, "x"] },
  { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: 42 }] }] },
  JSON.parse(
    '{"type":"doc","attrs":{"__proto__":{"polluted":true}},' +
      '"content":[{"type":"paragraph","__proto__":{"type":"script"}}]}',
  ),
  { type: "doc", content: [{ type: "mention", attrs: { id: "<script>", label: "<img src=x onerror=alert(1)>" } }] },
  { type: "doc", content: [para(text(HUGE_STRING))] },
  DEEP_TIPTAP,
];

/** A value whose own key is `__proto__` (a literal would set the prototype instead), as JSON.parse makes it. */
export const PROTO_PAYLOADS: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"title":"x","__proto__":{"title":"polluted"},"content":{"__proto__":{"type":"doc"}}}'),
  JSON.parse('{"baseVersion":1,"content":{"type":"doc","content":[],"__proto__":{"polluted":1}}}'),
  JSON.parse('{"prototype":{"polluted":"yes"},"role":"OWNER"}'),
];

const weirdNumbers = fc.constantFrom(
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 1,
  -(2 ** 63),
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MIN_VALUE,
);
const weirdStrings = fc.oneof(
  fc.constantFrom(...XSS),
  fc.constantFrom(...ACTION_REFERENCES),
  fc.constantFrom(
    "",
    " ",
    "null",
    "undefined",
    "true",
    "0",
    "-1",
    "NaN",
    "[]",
    "{}",
    "DRAFT",
    "OWNER",
    "ADMIN",
    "VIEWER",
    "view",
    "comment",
  ),
  fc.string({ maxLength: 300, unit: "binary" }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...PROTO_KEYS),
);
/** A string a user could type, including the hostile ones; huge only sometimes (it is slow to move around). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: weirdStrings, weight: 20 },
  { arbitrary: fc.constant(HUGE_STRING), weight: 1 },
);

/** Any value: wrong types at every level, objects keyed by the app's field names and by prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: hostileString, weight: 6 },
    { arbitrary: weirdNumbers, weight: 3 },
    { arbitrary: fc.integer(), weight: 2 },
    { arbitrary: fc.constantFrom(true, false, null, undefined), weight: 2 },
    { arbitrary: fc.array(tie("value"), { maxLength: 5 }), weight: 2 },
    {
      arbitrary: fc.dictionary(
        fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })),
        tie("value"),
        {
          maxKeys: 6,
          noNullPrototype: false,
        },
      ),
      weight: 4,
    },
    { arbitrary: fc.constantFrom(...INVALID_TIPTAP), weight: 2 },
    { arbitrary: fc.constantFrom(...PROTO_PAYLOADS), weight: 1 },
    { arbitrary: fc.constantFrom(DEEP_OBJECT, DEEP_ARRAY), weight: 1 },
  ),
})).value;

/** JSON text a client could send as a body: valid JSON of hostile values, or text that is not JSON at all. */
export const hostileBodyText: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: hostileValue.map((v) => safeStringify(v)), weight: 10 },
  { arbitrary: fc.constantFrom(DEEP_OBJECT_TEXT, DEEP_ARRAY_TEXT, DEEP_TIPTAP_TEXT), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      '{"a":',
      "{not json",
      "\u0000",
      "null",
      "[]",
      '"string"',
      "1e999",
      '{"baseVersion":1,"content":',
      "\ufeff{}",
      `"${HUGE_STRING}"`,
    ),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(...PROTO_PAYLOADS.map((p) => JSON.stringify(p))), weight: 1 },
  { arbitrary: fc.string({ maxLength: 200, unit: "binary" }), weight: 2 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

/** JSON.stringify that never throws (BigInt, cycles): what cannot be serialised becomes text that is not JSON. */
export function safeStringify(value: unknown, replacer?: (key: string, value: unknown) => unknown): string | undefined {
  try {
    return JSON.stringify(value, replacer);
  } catch {
    return "[unserialisable value]";
  }
}

/** FormData with hostile fields, some named as the forms name theirs. */
export const hostileForm: fc.Arbitrary<FormData> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 })),
      hostileString,
    ),
    { maxLength: 6 },
  )
  .map((entries) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v);
    return form;
  });

/** A forged or broken session/share token: JWT-shaped garbage, truncated real-looking tokens, hostile strings. */
export const forgedToken: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
    "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..AAAA.BBBB.CCCC",
    "not-a-token",
    "0".repeat(43),
    "a".repeat(4096),
  ),
  fc.string({
    minLength: 1,
    maxLength: 64,
    unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".split("")),
  }),
  hostileString,
);
