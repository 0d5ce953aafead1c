import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, refuseActionRequest } from "./action-request";
import { jsonDepth } from "./action-payload";

// The encoder Next's client runs in the browser: what our own pages send is whatever it produces.
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-turbopack/client.node.js",
) as { encodeReply: (args: unknown[]) => Promise<string | FormData> };

const BASE = "http://localhost:3000";

/** A header given as null is left out (a browser without JavaScript sends no Next-Action at all). */
function actionRequest(body: string | FormData, headers: Record<string, string | null> = {}) {
  const all: Record<string, string | null> = {
    "next-action": "7f00aa",
    origin: BASE,
    host: "localhost:3000",
    ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
    ...headers,
  };
  const sent = Object.entries(all).filter((e): e is [string, string] => e[1] !== null);
  return new Request(`${BASE}/docs/some-doc`, { method: "POST", headers: sent, body });
}

/** A no-JavaScript form post of an action bound by useActionState, as React renders the form. */
function noScriptForm(extra: Record<string, string> = {}) {
  const form = new FormData();
  form.set("$ACTION_REF_1", "");
  form.set("$ACTION_1:0", JSON.stringify({ id: "7f00aa", bound: "$@1" }));
  form.set("$ACTION_1:1", "[null]");
  form.set("$ACTION_KEY", "k123");
  form.set("email", "a@example.test");
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return form;
}

describe("server-action requests our pages send pass", () => {
  const form = new FormData();
  form.set("email", "$not-a-reference@example.test");
  form.set("password", "secret");
  const shared = { a: 1 };
  it.each([
    ["strings, a $-string, undefined, numbers", ["doc-id", "$5 plan", undefined, 3, null, true]],
    [
      "editor JSON",
      ["doc-id", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "$1" }] }] }],
    ],
    ["form data (useActionState)", [null, form]],
    ["a date", [new Date(0)]],
    ["the same object twice", [shared, shared]],
    // React's path to the second one ends in an empty step ("$0:0:"): the fuzzer's find.
    ["the same object twice, first under an empty key", [{ "": shared }, shared]],
    // React drops a `__proto__` key unread: a large list under one is no "Maximum array nesting" (the fuzzer's find).
    ["a large list under a __proto__ key", [JSON.parse(`{"__proto__": ["${"A".repeat(1_000_000)}", ""]}`)]],
  ])("%s", async (_name, args) => {
    expect(await refuseActionRequest(actionRequest(await encodeReply(args)))).toBeNull();
  });

  it("a no-JavaScript form post from our own page", async () => {
    expect(await refuseActionRequest(actionRequest(noScriptForm(), { "next-action": null }))).toBeNull();
    const request = new Request(`${BASE}/sign-in`, {
      method: "POST",
      headers: { origin: BASE, host: "localhost:3000" },
      body: noScriptForm(),
    });
    expect(await refuseActionRequest(request)).toBeNull();
  });
});

describe("hostile server-action requests are refused before Next decodes them", () => {
  // React reads these as references to chunks, functions, Maps… that the body does not hold: Next's decoder throws.
  it.each(["$h1", "$1", "$Q1", "$W1", "$@1", "$F1", "$i1", "$B1", "$R1", "$T", "$Z", "$n1x", "$1:constructor"])(
    "%s as an argument → 400",
    async (value) => {
      const refusal = await refuseActionRequest(actionRequest(JSON.stringify(["doc-id", value])));
      expect(refusal).toMatchObject({ status: 400 });
      expect(refusal!.message).toContain("which no page of this app sends");
    },
  );

  it("$-strings in a multipart body, and dangling references from a no-JS form → 400", async () => {
    const form = new FormData();
    form.set("0", '["$h1", "$Q2"]');
    expect(await refuseActionRequest(actionRequest(form))).toMatchObject({ status: 400 });
    // A script's multipart arguments without their root field "0": Next's decoder has nothing to start from.
    expect(await refuseActionRequest(actionRequest(noScriptForm()))).toMatchObject({
      status: 400,
      message: expect.stringContaining("arguments are missing"),
    });
    const dangling = noScriptForm({ "$ACTION_1:0": JSON.stringify({ id: "7f00aa", bound: "$@9" }) });
    const request = new Request(`${BASE}/sign-in`, { method: "POST", headers: { origin: BASE }, body: dangling });
    expect(await refuseActionRequest(request)).toMatchObject({ status: 400 });
  });

  it("a reference through a __proto__ key → 400 (React drops the key, then finds nothing there)", async () => {
    const body = JSON.stringify(["doc-id", JSON.parse('{"__proto__": {"a": 1}}'), "$0:1:__proto__:a"]);
    expect(body).toContain('"__proto__":{"a":1}');
    expect(await refuseActionRequest(actionRequest(body))).toMatchObject({ status: 400 });
  });

  it("a reference to a chunk that is not JSON → 400 (the fuzzer's find: it threw instead)", async () => {
    const form = new FormData();
    form.set("0", '["$@1"]');
    form.set("1", '{"id": "7f00aa", "bound"');
    expect(await refuseActionRequest(actionRequest(form))).toMatchObject({
      status: 400,
      message: expect.stringContaining("not valid JSON"),
    });
  });

  it("100,000-deep nesting → 400, without recursing", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(jsonDepth(deep)).toBe(100_000);
    expect(jsonDepth('["[[[[", {"a": "]]]"}]')).toBe(2);
    expect(await refuseActionRequest(actionRequest(deep))).toMatchObject({
      status: 400,
      message: expect.stringContaining("nest deeper"),
    });
  });

  it("a body over 2 MB → 413, whether or not it says its length", async () => {
    const big = JSON.stringify(["x".repeat(ACTION_BODY_LIMIT)]);
    expect(await refuseActionRequest(actionRequest(big))).toMatchObject({ status: 413 });
    const chunked = new Request(`${BASE}/docs/x`, {
      method: "POST",
      headers: { "next-action": "7f00aa", origin: BASE },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(await refuseActionRequest(chunked)).toMatchObject({ status: 413 });
  });

  it("from another site, with or without JavaScript → 403", async () => {
    const forged: Record<string, string>[] = [
      { origin: "http://evil.example" },
      { origin: "http://localhost:4000" },
      { origin: "null" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site", origin: BASE },
    ];
    for (const headers of forged) {
      expect(await refuseActionRequest(actionRequest(JSON.stringify(["x"]), headers))).toMatchObject({ status: 403 });
      const noScript = new Request(`${BASE}/sign-in`, {
        method: "POST",
        headers: { host: "localhost:3000", ...headers },
        body: noScriptForm(),
      });
      expect(await refuseActionRequest(noScript)).toMatchObject({ status: 403 });
    }
  });
});
