/**
 * Cross-site request forgery against every state-changing route handler under app/
 * (found on disk like the access matrix, so a new one without a row here fails).
 * The caller is signed in as the doc's owner and sends a body that works: the
 * same-origin JSON control is accepted, and each forged variant — another site,
 * another port of this one, `Origin: null`, `Sec-Fetch-Site: cross-site`, and the
 * text/plain, urlencoded and multipart bodies an HTML form or a `no-cors` fetch can
 * send — is refused (403 or 415) and changes no stored row.
 */
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runAsActorForTest } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { changedTables, openStateReader } from "@/lib/hardening/stored-state";
import { createDocFixture, createWorld, discoverEndpoints, type World } from "@/lib/testing/access-matrix";
import { commentBody, createTestThread } from "@/prisma/factories-comments";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { createTestImage } from "@/prisma/factories-media";
import { TEST_PASSWORD } from "@/prisma/factories";
import { makePng } from "@/lib/media/fixtures";
import { saveSection } from "@/lib/docs/save-section";

vi.mock("next/headers", async () => (await import("@/lib/testing/next-request-mocks")).nextHeaders("203.0.113.8"));
vi.mock("next/cache", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noRevalidation,
}));
vi.mock("@/lib/auth/next-auth", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noSessionCookies,
}));

const SITE = "http://localhost:3000";
type Doc = Awaited<ReturnType<typeof createDocFixture>>;
/** `file`: an upload route, whose body is a file of that type (any body type is fine there, the origin is not). */
type Target = {
  url: string;
  params: Record<string, string | string[]>;
  body?: unknown;
  jsonOnly?: false;
  file?: { type: string; bytes: Uint8Array<ArrayBuffer> };
};

/** A request each mutating route accepts from the owner (the control), built on a fresh doc. */
const TARGETS: Record<string, (w: World, doc: Doc) => Promise<Target>> = {
  "POST /api/sign-in": async (w) => ({
    url: "/api/sign-in",
    params: {},
    body: { email: w.editor.email, password: TEST_PASSWORD },
  }),
  // Auth.js's own endpoints take forms (and check a token of their own); only the origin is checked here.
  "POST /api/auth/[...nextauth]": async () => ({
    url: "/api/auth/signout",
    params: { nextauth: ["signout"] },
    jsonOnly: false,
  }),
  "POST /api/docs": async (w) => ({
    url: "/api/docs",
    params: {},
    body: { title: "Forged?", workspace: w.workspace.id },
  }),
  "POST /api/docs/import": async (w) => ({
    url: "/api/docs/import",
    params: {},
    body: { markdown: "# Forged?\n\n## Design Overview\n\nText", workspace: w.workspace.id },
  }),
  "PUT /api/docs/[id]/sections/[key]": async (_w, doc) => ({
    url: `/api/docs/${doc.id}/sections/architecture`,
    params: { id: doc.id, key: "architecture" },
    body: { baseVersion: 1, content: paragraph("Forged?") },
  }),
  "POST /api/docs/[id]/reviews": async (w, doc) => ({
    url: `/api/docs/${doc.id}/reviews`,
    params: { id: doc.id },
    body: { reviewerIds: [w.spare.id] },
  }),
  "POST /api/docs/[id]/verdicts": async (_w, doc) => ({
    url: `/api/docs/${doc.id}/verdicts`,
    params: { id: doc.id },
    body: { verdict: "comment", body: "Forged?", revision: await revision(doc.id) },
  }),
  // A restore that would bring back earlier text (a new version): the forgery must write nothing.
  "POST /api/docs/[id]/history/[seq]/restore": async (w, doc) => {
    const seq = String((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).headSeq);
    const { version } = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "architecture" } });
    await runAsActorForTest(w.owner, () =>
      saveSection(w.owner, doc.id, "architecture", { baseVersion: version, content: paragraph("Changed since") }),
    );
    return { url: `/api/docs/${doc.id}/history/${seq}/restore`, params: { id: doc.id, seq }, body: {} };
  },
  "POST /api/docs/[id]/named-versions": async (_w, doc) => ({
    url: `/api/docs/${doc.id}/named-versions`,
    params: { id: doc.id },
    body: { name: "Forged?" },
  }),
  "POST /api/docs/[id]/images": async (_w, doc) => ({
    url: `/api/docs/${doc.id}/images`,
    params: { id: doc.id },
    jsonOnly: false,
    file: { type: "image/png", bytes: new Uint8Array(await makePng()) },
  }),
  // Pasting another doc's image makes it this doc's: a new image row, so a forgery would change state.
  "POST /api/docs/[id]/images/copies": async (w, doc) => {
    const other = await createTestDoc(w.owner, w.workspace.id, { title: "Image source" });
    return {
      url: `/api/docs/${doc.id}/images/copies`,
      params: { id: doc.id },
      body: { src: (await createTestImage(w.owner, other.id)).src },
    };
  },
  "POST /api/docs/[id]/share-links": async (_w, doc) => ({
    url: `/api/docs/${doc.id}/share-links`,
    params: { id: doc.id },
    body: { role: "comment", expiresInDays: "never" },
  }),
  "DELETE /api/docs/[id]": async (_w, doc) => ({
    url: `/api/docs/${doc.id}`,
    params: { id: doc.id },
    body: {
      confirmTitle: (await db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { title: true } })).title,
    },
  }),
  "DELETE /api/docs/[id]/share-links/[linkId]": async (_w, doc) => ({
    url: `/api/docs/${doc.id}/share-links/${doc.links.view.id}`,
    params: { id: doc.id, linkId: doc.links.view.id },
  }),
  "POST /api/docs/[id]/comments": async (_w, doc) => ({
    url: `/api/docs/${doc.id}/comments`,
    params: { id: doc.id },
    body: { sectionKey: "design-overview", body: commentBody("Forged?") },
  }),
  "POST /api/docs/[id]/comments/[threadId]/replies": async (w, doc) => {
    const { threadId } = await createTestThread(w.owner, doc.id, { text: "A question" });
    return {
      url: `/api/docs/${doc.id}/comments/${threadId}/replies`,
      params: { id: doc.id, threadId },
      body: { body: commentBody("Forged?") },
    };
  },
  "PATCH /api/docs/[id]/comments/[threadId]": async (w, doc) => {
    const { threadId } = await createTestThread(w.owner, doc.id, { text: "A question" });
    return {
      url: `/api/docs/${doc.id}/comments/${threadId}`,
      params: { id: doc.id, threadId },
      body: { resolved: true },
    };
  },
};

async function revision(docId: string) {
  return (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { revision: true } })).revision;
}

type Variant = { name: string; headers: Record<string, string>; encode?: "text" | "urlencoded" | "multipart" };
const JSON_TYPE = { "content-type": "application/json" };
/** What another page can make a browser send. Each is refused: 403 for where it comes from, 415 for its body. */
const FORGED: (Variant & { status: 403 | 415 })[] = [
  { name: "JSON from another site", headers: { ...JSON_TYPE, origin: "http://evil.example" }, status: 403 },
  {
    name: "JSON from another port of this site",
    headers: { ...JSON_TYPE, origin: "http://localhost:4000", "sec-fetch-site": "same-site" },
    status: 403,
  },
  { name: "Origin: null (sandboxed frame)", headers: { ...JSON_TYPE, origin: "null" }, status: 403 },
  { name: "Sec-Fetch-Site: cross-site", headers: { ...JSON_TYPE, "sec-fetch-site": "cross-site" }, status: 403 },
  {
    name: "no-cors text/plain from another site",
    headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
    encode: "text",
    status: 403,
  },
  { name: "text/plain from this site", headers: { origin: SITE }, encode: "text", status: 415 },
  { name: "urlencoded form post", headers: { origin: SITE }, encode: "urlencoded", status: 415 },
  { name: "multipart form post", headers: { origin: SITE }, encode: "multipart", status: 415 },
];
const CONTROL: Variant = {
  name: "JSON from this site",
  headers: { ...JSON_TYPE, origin: SITE, "sec-fetch-site": "same-origin" },
};

function request(target: Target, method: string, variant: Variant): Request {
  const json = target.body === undefined ? undefined : JSON.stringify(target.body);
  let body: BodyInit | undefined = json;
  const headers: Record<string, string> = { host: "localhost:3000", [CLIENT_ADDRESS_HEADER]: "203.0.113.8" };
  if (target.file) {
    // An upload: the file as the editor sends it, or in a form field as another site's <form> would.
    const { type, bytes } = target.file;
    if (variant.encode) {
      body = new FormData();
      body.set("file", new Blob([bytes], { type }), "forged.png");
    } else {
      body = new Blob([bytes], { type });
      headers["content-type"] = type;
    }
    const { "content-type": _json, ...rest } = variant.headers;
    return new Request(new URL(target.url, SITE), { method, body, headers: { ...headers, ...rest } });
  }
  if (variant.encode === "text") {
    body = json ?? "{}";
    headers["content-type"] = "text/plain;charset=UTF-8";
  } else if (variant.encode === "urlencoded") {
    body = new URLSearchParams({ [json ?? "{}"]: "" }); // the "JSON in a form field name" trick
  } else if (variant.encode === "multipart") {
    body = new FormData();
    body.set("payload", json ?? "{}");
  }
  return new Request(new URL(target.url, SITE), {
    method,
    body,
    headers: { ...headers, ...(body !== undefined ? variant.headers : omitType(variant.headers)) },
  });
}
const omitType = ({ "content-type": _, ...rest }: Record<string, string>) => rest;

const root = path.resolve(import.meta.dirname, "..");
const mutating = (await discoverEndpoints(root)).filter((e) => /^(POST|PUT|PATCH|DELETE) \//.test(e.key));

let world: World;
let reader: Awaited<ReturnType<typeof openStateReader>>;
beforeAll(async () => {
  world = await createWorld();
  reader = await openStateReader(process.env.DATABASE_URL!);
}, 60_000);
afterAll(() => reader?.close());
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

describe("CSRF: every state-changing route handler refuses forged requests", () => {
  it("has a target for every mutating route handler found under app/", () => {
    const missing = mutating.map((e) => e.key).filter((k) => !(k in TARGETS));
    const stale = Object.keys(TARGETS).filter((k) => !mutating.some((e) => e.key === k));
    expect({ missing, stale }, "add a request the owner may send to TARGETS in lib/csrf-matrix.db.test.ts").toEqual({
      missing: [],
      stale: [],
    });
  });

  describe.each(mutating.filter((e) => e.key in TARGETS))("$key", ({ key, fn }) => {
    const method = key.split(" ")[0]!;
    const call = fn as unknown as (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

    it("refuses every forged variant and changes nothing; accepts the same request from this site", async () => {
      const doc = await createDocFixture(world);
      const target = await TARGETS[key]!(world, doc);
      const before = await reader.read();
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const variant of FORGED) {
        if (target.jsonOnly === false && variant.status === 415) continue;
        const res = await runAsActorForTest(world.owner, () =>
          call(request(target, method, variant), { params: Promise.resolve(target.params) }),
        );
        answers[variant.name] = res.status;
        expected[variant.name] = variant.status;
      }
      expect(answers).toEqual(expected);
      expect(changedTables(before, await reader.read())).toEqual([]);

      const control = await runAsActorForTest(world.owner, () =>
        call(request(target, method, CONTROL), { params: Promise.resolve(target.params) }),
      );
      expect([403, 415]).not.toContain(control.status);
      if (target.jsonOnly !== false) expect(control.status, await control.clone().text()).toBeLessThan(300);
    });
  });
});
