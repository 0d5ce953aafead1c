/**
 * How the fuzzer calls each endpoint: a route handler gets a real Request (hostile
 * path params, query, headers and body text), a server action gets hostile
 * arguments. Real ids from the fixture are mixed in, so a payload often passes the
 * access check and reaches validation, the editor schema and the database.
 */
import fc from "fast-check";
import type { Actor } from "@/lib/auth/session";
import type { Endpoint } from "@/lib/testing/access-matrix";
import {
  forgedToken,
  hostileBodyText,
  hostileForm,
  hostileString,
  hostileValue,
  INVALID_TIPTAP,
  safeStringify,
  XSS,
} from "./arbitraries";
import { imageBodyArb } from "./image-bodies";

/** Real ids of the fixture world, by what they name. */
export type RealIds = {
  docIds: string[];
  slugs: string[];
  sectionKeys: string[];
  workspaceIds: string[];
  userIds: string[];
  linkIds: string[];
  tokens: string[];
  templateIds: string[];
  membershipIds: string[];
  requestIds: string[];
  emails: string[];
  imageIds: string[];
  /** Files for upload endpoints (./image-bodies.ts). */
  imageFiles: { valid: Uint8Array[]; hostile: Uint8Array[] };
};

export type Caller = "owner" | "stranger" | "signedOut";
export type RouteCase = {
  kind: "route";
  caller: Caller;
  method: string;
  url: string;
  params: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: string | Uint8Array;
};
export type ActionCase = { kind: "action"; caller: Caller; args: unknown[] };
export type FuzzCase = RouteCase | ActionCase;

/** encodeURIComponent throws on a lone surrogate; a client would have sent U+FFFD. */
const encode = (s: string) =>
  encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));

const caller = fc.constantFrom<Caller>("owner", "owner", "owner", "owner", "owner", "stranger", "signedOut");

function realIdArb(ids: RealIds): fc.Arbitrary<string> {
  const { imageFiles: _files, ...named } = ids;
  const all = Object.values(named).flat();
  return fc.constantFrom(...all);
}

/** An object shaped like the app's inputs, every field optional and each a real value or a hostile one. */
function plausibleObject(ids: RealIds): fc.Arbitrary<Record<string, unknown>> {
  const mix = <T>(real: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: real, weight: 3 }, { arbitrary: hostileValue, weight: 2 });
  const markdown = fc.constantFrom(
    "# Imported\n\n## Design Overview\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))",
    `# ${XSS[1]}\n\n## Architecture\n\n| a | b |\n|---|\n| ${XSS[0]} |`,
    "## \n\n##\n\n```\n" + "`".repeat(5000),
    "<details><summary>x</summary><img src=x onerror=alert(1)></details>",
  );
  return fc.record(
    {
      docId: mix(fc.constantFrom(...ids.docIds)),
      sectionKey: mix(fc.constantFrom(...ids.sectionKeys)),
      baseVersion: mix(fc.integer({ min: 1, max: 5 })),
      content: fc.oneof(fc.constantFrom(...INVALID_TIPTAP), hostileValue),
      title: mix(fc.constantFrom(...XSS)),
      name: mix(fc.constantFrom(...XSS)),
      workspace: mix(fc.constantFrom(...ids.workspaceIds)),
      templateId: mix(fc.constantFrom(...ids.templateIds)),
      markdown: mix(markdown),
      role: mix(fc.constantFrom("view", "comment", "VIEWER", "MEMBER", "ADMIN", "OWNER", "REVIEWER", "EDITOR")),
      email: mix(fc.constantFrom(...ids.emails, "x@evil.example", "not-an-email")),
      reviewerIds: mix(fc.array(fc.constantFrom(...ids.userIds), { maxLength: 4 })),
      sectionKeys: mix(fc.array(fc.constantFrom(...ids.sectionKeys), { maxLength: 4 })),
      verdict: mix(fc.constantFrom("approve", "request_changes", "comment")),
      kind: mix(fc.constantFrom("APPROVE", "REQUEST_CHANGES", "COMMENT")),
      revision: mix(fc.integer({ min: 0, max: 10 })),
      body: hostileValue,
      password: hostileValue,
      expiresInDays: mix(fc.constantFrom(1, 365, "never", 0, 366)),
      expiresAt: mix(fc.constantFrom("2020-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday")),
      sections: mix(
        fc.array(fc.record({ title: hostileValue, guidance: hostileValue }, { requiredKeys: [] }), { maxLength: 3 }),
      ),
      dueAt: mix(fc.constantFrom("2020-02-30", "2099-01-01", "0000-00-00")),
      rule: mix(fc.constantFrom("ALL", "AT_LEAST", "ANY")),
      requiredApprovals: mix(fc.integer({ min: -1, max: 100 })),
      src: mix(
        fc.constantFrom(...ids.imageIds.map((id) => `/media/${id}`), "/media/../x", "https://evil.example/a.png"),
      ),
    },
    { requiredKeys: [] },
  );
}

function plausibleForm(ids: RealIds): fc.Arbitrary<FormData> {
  const field = fc.tuple(
    fc.constantFrom("email", "password", "name", "title", "token", "role", "templateId", "callbackUrl", "__proto__"),
    fc.oneof(
      hostileString,
      fc.constantFrom(
        ...ids.emails,
        ...ids.tokens,
        ...ids.templateIds,
        "correct horse battery",
        "/w/../../admin",
        "https://evil.example",
      ),
    ),
  );
  return fc.array(field, { maxLength: 6 }).map((entries) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v);
    return form;
  });
}

function actionCase(ids: RealIds): fc.Arbitrary<ActionCase> {
  const arg = fc.oneof(
    { arbitrary: realIdArb(ids), weight: 5 },
    { arbitrary: plausibleObject(ids), weight: 4 },
    { arbitrary: hostileValue, weight: 3 },
    { arbitrary: plausibleForm(ids), weight: 2 },
    { arbitrary: hostileForm, weight: 1 },
    { arbitrary: forgedToken, weight: 1 },
  );
  return fc.record({ kind: fc.constant("action" as const), caller, args: fc.array(arg, { maxLength: 5 }) });
}

/** The route's path params, named as in its folder names ([id], [key], [...nextauth]). */
function paramNames(routePath: string): { name: string; catchAll: boolean }[] {
  return [...routePath.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({ name: m[2]!, catchAll: Boolean(m[1]) }));
}

function paramArb(name: string, catchAll: boolean, ids: RealIds): fc.Arbitrary<string | string[]> {
  if (catchAll) {
    const authPaths = fc.constantFrom<string[]>(
      ["providers"],
      ["session"],
      ["csrf"],
      ["signin"],
      ["signout"],
      ["callback", "credentials"],
      ["signin", "credentials"],
      ["error"],
      ["callback", "nope"],
      ["webauthn-options", "x"],
    );
    return fc.oneof(
      { arbitrary: authPaths, weight: 4 },
      {
        arbitrary: fc.array(
          hostileString.filter((s) => s.length < 2000),
          { minLength: 1, maxLength: 4 },
        ),
        weight: 1,
      },
    );
  }
  const real: Record<string, string[]> = {
    id: [...ids.docIds, ...ids.slugs],
    key: ids.sectionKeys,
    linkId: ids.linkIds,
    imageId: ids.imageIds,
    token: ids.tokens,
  };
  const options = real[name] ?? [];
  return options.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...options), weight: 3 }, { arbitrary: forgedToken, weight: 2 })
    : forgedToken;
}

const queryArb = fc
  .array(
    fc.tuple(
      fc.constantFrom("workspace", "q", "status", "author", "archived", "sort", "__proto__", "constructor", "q[]"),
      hostileString,
    ),
    { maxLength: 5 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());

const headersArb = fc.record(
  {
    "content-type": fc.constantFrom(
      "application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=utf-16",
      "",
    ),
    cookie: forgedToken.map(
      (t) =>
        `authjs.session-token=${encode(t)}; __Secure-authjs.session-token=${encode(t)}; authjs.csrf-token=${encode(t)}`,
    ),
    "x-forwarded-for": fc.oneof(fc.constantFrom("203.0.113.7", "::1", "", "1.1.1.1, 2.2.2.2", "<script>"), fc.ipV4()),
    origin: fc.constantFrom(
      "http://localhost:3000",
      "https://evil.example",
      "null",
      "http://localhost:4000",
      "http://sub.localhost:3000",
    ),
    // What browsers say about where a request comes from (same-site: another port or subdomain of this site).
    "sec-fetch-site": fc.constantFrom("same-origin", "same-site", "cross-site", "none"),
  },
  { requiredKeys: ["x-forwarded-for"] },
);

function routeCase(method: string, routePath: string, ids: RealIds): fc.Arbitrary<RouteCase> {
  const names = paramNames(routePath);
  const params = fc.tuple(...names.map((p) => paramArb(p.name, p.catchAll, ids)));
  const hasBody = !["GET", "HEAD"].includes(method);
  // Upload endpoints get files as well as text: hostile images, mutated real ones, noise.
  const uploads = /\/images$/.test(routePath);
  const body: fc.Arbitrary<string | Uint8Array | undefined> = hasBody
    ? fc.oneof(
        { arbitrary: plausibleObject(ids).map((o) => safeStringify(o)), weight: 2 },
        { arbitrary: hostileBodyText, weight: 3 },
        ...(uploads ? [{ arbitrary: imageBodyArb(ids.imageFiles), weight: 10 }] : []),
      )
    : fc.constant(undefined);
  return fc
    .record({ caller, params, query: queryArb, headers: headersArb, body })
    .map(({ caller, params, query, headers, body }) => {
      const byName: Record<string, string | string[]> = {};
      let url = routePath;
      names.forEach((p, i) => {
        const value = params[i]!;
        byName[p.name] = value;
        const segment = Array.isArray(value) ? value.map(encode).join("/") : encode(value);
        url = url.replace(`[${p.catchAll ? "..." : ""}${p.name}]`, segment);
      });
      return {
        kind: "route" as const,
        caller,
        method,
        url: `${url}${query ? `?${query}` : ""}`,
        params: byName,
        headers,
        body,
      };
    });
}

/** The arbitrary for one discovered endpoint ("METHOD /path" or "file#action"). */
export function caseFor(endpoint: Endpoint, ids: RealIds): fc.Arbitrary<FuzzCase> {
  const route = /^([A-Z]+) (\/.*)$/.exec(endpoint.key);
  return route ? routeCase(route[1]!, route[2]!, ids) : actionCase(ids);
}

export function requestOf(c: RouteCase): Request {
  return new Request(new URL(c.url, "http://localhost:3000"), {
    method: c.method,
    headers: c.headers,
    body: c.body instanceof Uint8Array ? new Uint8Array(c.body) : c.body,
  });
}

export function actorFor(c: FuzzCase, people: { owner: Actor; stranger: Actor }): Actor | null {
  return c.caller === "signedOut" ? null : people[c.caller];
}

/** A short, readable description of a failing case (megabyte strings cut down). */
export function describeCase(c: FuzzCase): string {
  return safeStringify(c, (_k, v) =>
    typeof v === "string" && v.length > 200
      ? `${v.slice(0, 60)}…(${v.length} chars)`
      : v instanceof FormData
        ? [...v.entries()]
        : v,
  )!.slice(0, 2000);
}
