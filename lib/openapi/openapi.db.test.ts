/**
 * The OpenAPI description against the code: every JSON route has a described entry and no entry describes a route
 * that is gone; each entry's token scope is the one the route wrapper enforces; each documented body schema is the
 * very zod schema the route's domain function validates with (recorded while the route runs), and its example
 * passes it. So a route added without a description, or changed to validate differently, fails here.
 */
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { runAsActorForTest } from "@/lib/auth/session";
import {
  callRoute,
  createDocFixture,
  createWorld,
  discoverEndpoints,
  type DocFixture,
  type World,
} from "@/lib/testing/access-matrix";
import { defaultScope } from "@/lib/tokens/scopes";
import { createTestThread } from "@/prisma/factories-comments";
import { openApiDocument } from "./document";
import { API_ROUTES } from "./routes";

const used = vi.hoisted(() => [] as unknown[]);
vi.mock("@/lib/validation", async (original) => {
  const real = await original<typeof import("@/lib/validation")>();
  return {
    ...real,
    parseInput: (schema: z.ZodType, raw: unknown) => {
      used.push(schema);
      return real.parseInput(schema, raw);
    },
  };
});
vi.mock("next/headers", async () => (await import("@/lib/testing/next-request-mocks")).nextHeaders("203.0.113.7"));
vi.mock("next/cache", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noRevalidation,
}));
vi.mock("@/lib/auth/next-auth", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noSessionCookies,
}));

const endpoints = await discoverEndpoints(path.resolve(import.meta.dirname, "../.."));
/** The JSON API: route handlers under /api (Auth.js's own excepted) and the image route tokens may read. */
const apiRoutes = endpoints.filter(
  (e) => !e.key.includes("#") && (/^\w+ \/api\//.test(e.key) || e.key === "GET /media/[imageId]"),
);
const documented = apiRoutes.filter((e) => !e.key.includes("[...nextauth]"));

let world: World;
let doc: DocFixture;
let threadId: string;
beforeAll(async () => {
  world = await createWorld();
  doc = await createDocFixture(world);
  threadId = (await createTestThread(world.owner, doc.id, { text: "A question" })).threadId;
}, 60_000);

describe("OpenAPI description", () => {
  it("describes every JSON route, and nothing else", () => {
    const found = documented.map((e) => e.key).sort();
    expect(Object.keys(API_ROUTES).sort(), "add an entry to lib/openapi/routes.ts; delete stale ones").toEqual(found);
    for (const [key, doc] of Object.entries(API_ROUTES)) {
      expect(doc.summary.trim(), key).not.toBe("");
      expect(doc.description.trim().length, `${key} needs a description`).toBeGreaterThan(10);
      expect(Object.keys(doc.responses).length, key).toBeGreaterThan(0);
    }
  });

  it("names the token scope each route enforces", () => {
    for (const { key, fn } of documented) {
      const marked = (fn as unknown as { tokenScope?: string }).tokenScope;
      const enforced =
        marked === undefined || marked === "none"
          ? null
          : marked === "default"
            ? defaultScope(key.split(" ")[0]!)
            : marked;
      expect(API_ROUTES[key]!.scope, key).toBe(enforced);
    }
  });

  it("is valid OpenAPI 3.1 in shape: every operation has an id, a summary and JSON Schema bodies", () => {
    const spec = openApiDocument("http://localhost:3000");
    expect(spec.openapi).toBe("3.1.0");
    const ops = Object.values(spec.paths).flatMap((m) => Object.values(m)) as { operationId: string }[];
    expect(ops).toHaveLength(documented.length);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    const save = spec.paths["/api/docs/{id}/sections/{key}"]!.put as {
      requestBody: { content: { "application/json": { schema: { properties: object; required: string[] } } } };
    };
    expect(save.requestBody.content["application/json"].schema.required).toContain("baseVersion");
    expect(Object.keys(save.requestBody.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["baseVersion", "content"]),
    );
  });

  const withSchema = Object.entries(API_ROUTES).filter(([, d]) => d.body && "schema" in d.body);
  it.each(withSchema)("%s validates its body with the documented schema, and the example passes it", async (key, d) => {
    const body = d.body as { schema: z.ZodType; example: unknown };
    expect(body.schema.safeParse(body.example).success, "the example must pass the documented schema").toBe(true);
    const [method, route] = key.split(" ") as [string, string];
    const params: Record<string, string> = {
      id: doc.id,
      key: "architecture",
      threadId,
      linkId: doc.links.view.id,
      seq: "1",
    };
    const url = route.replace(/\[(\w+)\]/g, (_m, name: string) => params[name]!);
    const fn = documented.find((e) => e.key === key)!.fn;
    used.length = 0;
    await runAsActorForTest(key === "POST /api/sign-in" ? null : world.owner, () =>
      callRoute(fn, url, params, { method, json: body.example }),
    );
    expect(used, `${key} no longer validates with the schema lib/openapi/routes.ts documents`).toContain(body.schema);
  });
});
