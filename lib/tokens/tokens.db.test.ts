import { describe, expect, it, vi } from "vitest";
import { runAsActorForTest } from "@/lib/auth/session";
import { db } from "@/lib/db";
import path from "node:path";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { createUser } from "@/prisma/factories";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { sha256Hex } from "@/lib/crypto";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens";

vi.mock("next/headers", async () => (await import("@/lib/testing/next-request-mocks")).nextHeaders("203.0.113.7"));
vi.mock("@/lib/auth/next-auth", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noSessionCookies,
}));

const DAY = 86_400_000;

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
// lib/ imports no app/ module by name (the lint rule); tests reach route handlers by path, as the access matrix does.
const route = async <P>(file: string, method: string) =>
  ((await import(path.resolve(import.meta.dirname, "../../app/api/docs", file))) as Record<string, Handler<P>>)[
    method
  ]!;
const getDoc = await route<{ id: string }>("[id]/route.ts", "GET");
const putSection = await route<{ id: string; key: string }>("[id]/sections/[key]/route.ts", "PUT");

function request(path: string, token: string | null, init: { method?: string; json?: unknown; headers?: object } = {}) {
  const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: "198.51.100.23", ...init.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost:3000${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

/** As a signed-out caller: only the token (if any) says who this is. */
const signedOut = <T>(fn: () => Promise<T>) => runAsActorForTest(null, fn);

async function setup() {
  const { actor, workspace } = await createUser({ name: "Tia Token" });
  const doc = await createTestDoc(actor, workspace.id, { sections: { "design-overview": "Written" } });
  return { actor, doc };
}

describe("personal access tokens", () => {
  it("are shown once and stored only as a SHA-256 hash with a short prefix", async () => {
    const { actor } = await setup();
    const { token, apiToken } = await createApiToken(actor, { name: "CI pipeline", scopes: ["read"] });
    expect(token).toMatch(/^drt_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(10));
    expect(row.prefix).toBe(token.slice(0, 10));
    const listed = await listApiTokens(actor);
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
    expect(listed).toEqual([expect.objectContaining({ name: "CI pipeline", scopes: ["read"], state: "active" })]);
  });

  it("expire in 90 days by default, or never, or as chosen", async () => {
    const { actor } = await setup();
    const byDefault = await createApiToken(actor, { name: "default", scopes: ["read"] });
    const days = (iso: string | null) => Math.round((new Date(iso!).getTime() - Date.now()) / DAY);
    expect(days(byDefault.apiToken.expiresAt)).toBe(90);
    expect(
      (await createApiToken(actor, { name: "n", scopes: ["read"], expiresInDays: "never" })).apiToken.expiresAt,
    ).toBe(null);
    expect(
      days((await createApiToken(actor, { name: "w", scopes: ["read"], expiresInDays: 7 })).apiToken.expiresAt),
    ).toBe(7);
  });

  it("refuse bad input with field messages", async () => {
    const { actor } = await setup();
    await expect(createApiToken(actor, { name: " ", scopes: ["read"] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { name: [expect.stringContaining("name")] } },
    });
    await expect(createApiToken(actor, { name: "x", scopes: [] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createApiToken(actor, { name: "x", scopes: ["root"] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(createApiToken(actor, { name: "x", scopes: ["read"], expiresInDays: 9999 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("call the JSON API as their owner, and record when and from where", async () => {
    const { actor, doc } = await setup();
    const { token, apiToken } = await createApiToken(actor, { name: "reader", scopes: ["read"] });
    const res = await signedOut(() =>
      getDoc(request(`/api/docs/${doc.id}`, token), { params: Promise.resolve({ id: doc.id }) }),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(doc.id);
    const [listed] = (await listApiTokens(actor)).filter((t) => t.id === apiToken.id);
    expect(listed).toMatchObject({ lastUsedAddress: "198.51.100.23" });
    expect(Date.now() - new Date(listed!.lastUsedAt!).getTime()).toBeLessThan(60_000);
  });

  it("are narrowed by scope: a read token cannot save, a write token can", async () => {
    const { actor, doc } = await setup();
    const reader = (await createApiToken(actor, { name: "r", scopes: ["read"] })).token;
    const writer = (await createApiToken(actor, { name: "w", scopes: ["write"] })).token;
    const save = (token: string, text: string) =>
      signedOut(() =>
        putSection(
          request(`/api/docs/${doc.id}/sections/architecture`, token, {
            method: "PUT",
            json: { baseVersion: 1, content: paragraph(text) },
          }),
          { params: Promise.resolve({ id: doc.id, key: "architecture" }) },
        ),
      );
    const refused = await save(reader, "From a read token");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("Write docs");
    expect((await save(writer, "From a write token")).status).toBe(200);
    const section = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "architecture" } });
    expect(section.text).toBe("From a write token");
  });

  it("revoked, expired, unknown or malformed → 401 with WWW-Authenticate, even with a valid session", async () => {
    const { actor, doc } = await setup();
    const revoked = await createApiToken(actor, { name: "r", scopes: ["read"] });
    await revokeApiToken(actor, revoked.apiToken.id);
    const expired = await createApiToken(actor, { name: "e", scopes: ["read"] });
    await db.apiToken.update({ where: { id: expired.apiToken.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const cases: [string, string][] = [
      [revoked.token, "revoked"],
      [expired.token, "expired"],
      [`drt_${"A".repeat(43)}`, "not valid"],
      ["not-even-a-token", "not valid"],
      ["", "not valid"],
    ];
    for (const [token, why] of cases) {
      // The owner's session is there too: a request that names a token is judged by the token alone.
      const res = await runAsActorForTest(actor, () =>
        getDoc(request(`/api/docs/${doc.id}`, null, { headers: { authorization: `Bearer ${token}` } }), {
          params: Promise.resolve({ id: doc.id }),
        }),
      );
      expect(res.status, why).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(why);
    }
  });

  it("cannot be revoked by someone else; revoking twice is harmless", async () => {
    const { actor } = await setup();
    const other = await createUser({ name: "Olly Other" });
    const { apiToken } = await createApiToken(actor, { name: "mine", scopes: ["read"] });
    await expect(revokeApiToken(other.actor, apiToken.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await revokeApiToken(actor, apiToken.id)).state).toBe("revoked");
    expect((await revokeApiToken(actor, apiToken.id)).state).toBe("revoked");
  });

  it("carry no CSRF risk: a bearer write from another origin passes, a cookie write does not", async () => {
    const { actor, doc } = await setup();
    const { token } = await createApiToken(actor, { name: "w", scopes: ["write"] });
    const forged = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    const put = (bearer: string | null) =>
      putSection(
        request(`/api/docs/${doc.id}/sections/architecture`, bearer, {
          method: "PUT",
          json: { baseVersion: 1, content: paragraph("Bearer from elsewhere") },
          headers: forged,
        }),
        { params: Promise.resolve({ id: doc.id, key: "architecture" }) },
      );
    expect((await runAsActorForTest(actor, () => put(null))).status).toBe(403);
    expect((await signedOut(() => put(token))).status).toBe(200);
  });
});
