/**
 * Hostile input against every route handler and every server action under app/
 * (found on disk by the access matrix's discovery, so a new endpoint is fuzzed
 * without a line here). fast-check sends wrong types, megabyte strings, 10,000-level
 * nesting, prototype-pollution keys, invalid editor JSON, script in every field and
 * forged ids and tokens; real ids are mixed in so payloads get past the access check.
 *
 * What a user would notice, asserted for every payload: no 5xx / INTERNAL /
 * UNAVAILABLE answer (the database is up), an answer within 2 s, nothing thrown but
 * Next's redirect and not-found signals, no stack trace or Prisma message in a
 * response, a write sent from another origin refused with 403 (CSRF), and a rejected
 * request leaves every stored row as it was. After the run Object.prototype is clean.
 * Action arguments carry React's `$`-references ("$h1", "$1", "$Q1") as plain strings
 * here; as raw request bodies they are lib/hardening/action-bodies.hardening.test.ts's.
 *
 * HARDENING_FUZZ_TOTAL (default 5,000) payloads are spread evenly over the endpoints.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAsActorForTest } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requestReview } from "@/lib/reviews/request-review";
import { createTemplate } from "@/lib/templates/mutations";
import { createTestImage } from "@/prisma/factories-media";
import {
  createDocFixture,
  createWorld,
  discoverEndpoints,
  type Endpoint,
  type World,
} from "@/lib/testing/access-matrix";
import { actorFor, caseFor, describeCase, requestOf, type FuzzCase, type RealIds } from "./fuzz-cases";
import { makeImageBodies } from "./image-bodies";
import { changedTables, openStateReader, type StoredState } from "./stored-state";

// As in the access matrix: Next's request-scoped helpers without a request (lib/testing/next-request-mocks.ts).
vi.mock("next/headers", async () => (await import("@/lib/testing/next-request-mocks")).nextHeaders("203.0.113.9"));
vi.mock("next/cache", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noRevalidation,
}));
vi.mock("@/lib/auth/next-auth", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noSessionCookies,
}));

const TOTAL = Number(process.env.HARDENING_FUZZ_TOTAL ?? 5000);
const endpoints = await discoverEndpoints(path.resolve(import.meta.dirname, "..", ".."));
const RUNS = Math.ceil(TOTAL / endpoints.length);
const LEAK = /PrismaClient|prisma\.|Invalid `|\n\s+at [\w.<>]+ \(|node_modules/;
const protoNames = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
};

type Verdict = { accepted: boolean; problem?: string };

/** Every request answers within this, whatever it carries (issue 13: one import froze the server for 30 minutes). */
const MAX_MS = 2000;
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a browser would have sent this from another origin (another site, or another port or subdomain of this
 * one): the origin check (lib/http/same-origin.ts) must refuse it, whatever it carries.
 */
function forgedAcrossOrigins(c: Extract<FuzzCase, { kind: "route" }>): boolean {
  const { origin, "sec-fetch-site": site } = c.headers;
  return (
    WRITES.has(c.method) &&
    ((origin !== undefined && origin !== "http://localhost:3000") || site === "same-site" || site === "cross-site")
  );
}

async function verdictOfRoute(fn: Endpoint["fn"], c: Extract<FuzzCase, { kind: "route" }>): Promise<Verdict> {
  let request: Request;
  try {
    request = requestOf(c);
  } catch {
    return { accepted: false }; // not a request any client could send (e.g. a header value with a newline)
  }
  const res = await (fn as unknown as (r: Request, ctx: { params: Promise<unknown> }) => Promise<Response>)(request, {
    params: Promise.resolve(c.params),
  });
  const text = await res.text();
  if (res.status >= 500) return { accepted: false, problem: `answered ${res.status}: ${text.slice(0, 300)}` };
  if (forgedAcrossOrigins(c) && res.status !== 403)
    return { accepted: false, problem: `a write from another origin answered ${res.status}, not 403` };
  if (LEAK.test(text))
    return { accepted: false, problem: `internals in the response (${res.status}): ${text.slice(0, 300)}` };
  return { accepted: res.status < 300 };
}

async function verdictOfAction(fn: Endpoint["fn"], c: Extract<FuzzCase, { kind: "action" }>): Promise<Verdict> {
  let result: unknown;
  try {
    result = await (fn as unknown as (...a: unknown[]) => Promise<unknown>)(...c.args);
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { accepted: true };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { accepted: false };
    return {
      accepted: false,
      problem: `threw ${(error as Error)?.name}: ${(error as Error)?.message ?? String(error)}`,
    };
  }
  if (result === undefined || result === null || typeof result !== "object") return { accepted: true };
  const r = result as { ok?: boolean; code?: string; status?: string; message?: string };
  if ("ok" in r) {
    if (r.code === "INTERNAL" || r.code === "UNAVAILABLE")
      return { accepted: false, problem: `answered ${r.code}: ${r.message}` };
    return { accepted: r.ok === true };
  }
  if (r.status === "unavailable") return { accepted: false, problem: `answered unavailable: ${r.message}` };
  return { accepted: r.status === "saved" };
}

let world: World;
let imageFiles: RealIds["imageFiles"];
let reader: Awaited<ReturnType<typeof openStateReader>>;
const counts: Record<string, { payloads: number; accepted: number; rejected: number; slowestMs: number }> = {};
let slowest = { endpoint: "", ms: 0 };

beforeAll(async () => {
  world = await createWorld();
  imageFiles = await makeImageBodies();
  reader = await openStateReader(process.env.DATABASE_URL!);
}, 120_000);

afterAll(async () => {
  await reader?.close();
  const dir = path.resolve(import.meta.dirname, "..", "..", "test-results", "reports");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "hardening-fuzz.json"),
    JSON.stringify(
      {
        total: Object.values(counts).reduce((a, b) => a + b.payloads, 0),
        endpoints: Object.keys(counts).length,
        slowest,
        byEndpoint: counts,
      },
      null,
      2,
    ),
  );
  const lines = Object.entries(counts).map(
    ([k, v]) =>
      `  ${String(v.payloads).padStart(5)} payloads (${v.rejected} rejected, ${v.accepted} accepted, slowest ` +
      `${v.slowestMs} ms)  ${k}`,
  );
  console.log(
    `fuzz: ${Object.values(counts).reduce((a, b) => a + b.payloads, 0)} payloads over ${lines.length} endpoints, ` +
      `slowest ${slowest.ms} ms (${slowest.endpoint})\n${lines.join("\n")}`,
  );
});

/**
 * A fresh doc per endpoint (the owner's accepted requests archive, revoke and rename things), plus every id it relates
 * to.
 */
async function realIds(): Promise<RealIds> {
  const doc = await createDocFixture(world);
  const sections = await db.section.findMany({ where: { documentId: doc.id }, select: { key: true } });
  const template = await createTemplate(world.owner, world.workspace.id, {
    name: "Fuzz template",
    description: "",
    sections: [{ title: "Context" }],
  });
  await requestReview(world.owner, doc.id, { reviewerIds: [world.spare.id] }).catch(() => undefined);
  const requests = await db.reviewRequest.findMany({ where: { documentId: doc.id }, select: { id: true } });
  const image = await createTestImage(world.owner, doc.id);
  const memberships = await db.membership.findMany({
    where: { workspaceId: world.workspace.id },
    select: { id: true },
  });
  const people = [
    world.owner,
    world.editor,
    world.wsViewer,
    world.spare,
    world.docReviewer,
    world.stranger,
    world.outsider,
  ];
  return {
    docIds: [doc.id],
    slugs: [doc.slug],
    sectionKeys: sections.map((s) => s.key),
    workspaceIds: [world.workspace.id, world.workspace.slug],
    userIds: people.map((p) => p.id),
    linkIds: Object.values(doc.links).map((l) => l.id),
    tokens: Object.values(doc.links).map((l) => l.token),
    templateIds: [template.id],
    membershipIds: memberships.map((m) => m.id),
    requestIds: requests.map((r) => r.id),
    emails: people.map((p) => p.email),
    imageIds: [image.id],
    imageFiles,
  };
}

describe("hostile input", () => {
  it.each(endpoints.map((e) => [e.key, e] as const))(
    `%s: ${RUNS} payloads, no 5xx, rejected ones change nothing`,
    async (key, endpoint) => {
      const ids = await realIds();
      await db.rateLimitBucket.deleteMany();
      const tally = (counts[key] = { payloads: 0, accepted: 0, rejected: 0, slowestMs: 0 });
      let last: StoredState = await reader.read();
      await fc.assert(
        fc.asyncProperty(caseFor(endpoint, ids), async (c) => {
          const actor = actorFor(c, { owner: world.owner, stranger: world.stranger });
          const started = performance.now();
          const verdict = await runAsActorForTest(actor, () =>
            c.kind === "route" ? verdictOfRoute(endpoint.fn, c) : verdictOfAction(endpoint.fn, c),
          );
          const ms = Math.round(performance.now() - started);
          tally.slowestMs = Math.max(tally.slowestMs, ms);
          if (ms > slowest.ms) slowest = { endpoint: key, ms };
          if (ms > MAX_MS) throw new Error(`${key} took ${ms} ms (more than ${MAX_MS})\ncase: ${describeCase(c)}`);
          tally.payloads += 1;
          tally[verdict.accepted ? "accepted" : "rejected"] += 1;
          if (verdict.problem) throw new Error(`${key} ${verdict.problem}\ncase: ${describeCase(c)}`);
          const now = await reader.read();
          if (!verdict.accepted) {
            const changed = changedTables(last, now);
            if (changed.length)
              throw new Error(`${key}: a rejected request changed ${changed.join(", ")}\ncase: ${describeCase(c)}`);
          }
          last = now;
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(tally.payloads).toBe(RUNS);
    },
    600_000,
  );

  it("leaves Object.prototype and Array.prototype unpolluted", () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames.object);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(protoNames.array);
    const probe: Record<string, unknown> = {};
    expect([probe.polluted, probe.isAdmin, probe.title]).toEqual([undefined, undefined, undefined]);
  });
});
