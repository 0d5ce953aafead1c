/**
 * Server-action bodies as they reach proxy.ts, against React's own decoder (the one
 * Next runs before an action, in a worker with the "react-server" condition):
 *
 * - whatever our pages send — React's client encoder applied to hostile argument
 *   values — passes lib/http/action-request.ts exactly when React decodes it (what
 *   React refuses, such as lists of over a million characters, is a 400 instead of a 500);
 * - whatever that check lets through decodes without an error (Next would answer one
 *   with an internal error), however hostile: `$`-prefixed references ("$h1", "$1",
 *   "$Q1", …), deep nesting, broken JSON, bodies over the limit, other origins;
 * - and the check itself answers within 2 s.
 *
 * HARDENING_FUZZ_TOTAL / 10 bodies (500 in npm test). Figures: test-results/reports/hardening-action-bodies.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, refuseActionRequest } from "@/lib/http/action-request";
import { ACTION_REFERENCES, DEEP_ARRAY_TEXT, hostileString, hostileValue, safeStringify } from "./arbitraries";

const RUNS = Math.max(100, Math.ceil(Number(process.env.HARDENING_FUZZ_TOTAL ?? 5000) / 10));
const SITE = "http://localhost:3000";
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-turbopack/client.node.js",
) as { encodeReply: (args: unknown) => Promise<string | FormData> };

let worker: Worker;
let next = 0;
const pending = new Map<number, (r: { ok: boolean; error?: string }) => void>();
beforeAll(() => {
  worker = new Worker(path.join(import.meta.dirname, "react-decode-worker.mjs"), {
    execArgv: ["--conditions=react-server"],
  });
  worker.on("message", (m: { id: number; ok: boolean; error?: string }) => pending.get(m.id)?.(m));
});

/** React's verdict on a body: decoded, or the error Next would have answered with a 500. */
function decode(body: string | FormData): Promise<{ ok: boolean; error?: string }> {
  const id = ++next;
  const message =
    typeof body === "string"
      ? { id, text: body }
      : { id, fields: [...body.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]) };
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, error: "no answer within 5 s" }), 5000);
    pending.set(id, ({ ok, error }) => {
      clearTimeout(timer);
      pending.delete(id);
      resolve(error === undefined ? { ok } : { ok, error });
    });
    worker.postMessage(message);
  });
}

function actionRequest(body: string | FormData, headers: Record<string, string> = {}) {
  return new Request(`${SITE}/docs/some-doc`, {
    method: "POST",
    headers: {
      "next-action": "7f00aa",
      host: "localhost:3000",
      origin: SITE,
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...headers,
    },
    body,
  });
}

/** React's encoder warns about `__proto__` keys, which these values carry on purpose. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const error = console.error;
  console.error = () => undefined;
  try {
    return await fn();
  } finally {
    console.error = error;
  }
}

const figures = { legit: 0, hostile: 0, passed: 0, refused: { 400: 0, 403: 0, 413: 0 }, slowestCheckMs: 0 };

async function checked(request: Request) {
  const started = performance.now();
  const refusal = await refuseActionRequest(request);
  const ms = performance.now() - started;
  figures.slowestCheckMs = Math.max(figures.slowestCheckMs, Math.round(ms));
  if (ms > 2000) throw new Error(`the action check took ${Math.round(ms)} ms`);
  if (refusal) figures.refused[refusal.status] += 1;
  else figures.passed += 1;
  return refusal;
}

/** Raw bodies no page of ours sends: references to chunks that are not there, $-strings anywhere, junk. */
const hostileText = fc.oneof(
  fc
    .array(fc.oneof(fc.constantFrom(...ACTION_REFERENCES), hostileString), { minLength: 1, maxLength: 4 })
    .map((a) => JSON.stringify(a)),
  fc.record({ a: fc.constantFrom(...ACTION_REFERENCES), b: hostileValue }).map((o) => safeStringify([o])!),
  fc.constantFrom(
    DEEP_ARRAY_TEXT,
    "[".repeat(100_000),
    "{",
    '["$',
    '"$h1"',
    "null",
    "",
    "x".repeat(ACTION_BODY_LIMIT + 1),
  ),
  hostileString,
);
const hostileForm = fc
  .array(fc.tuple(fc.constantFrom("0", "1", "2", "1_email", "$ACTION_1:0", "$ACTION_REF_1"), hostileText), {
    maxLength: 4,
  })
  .map((entries) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v);
    return form;
  });
const otherOrigin = fc.constantFrom<Record<string, string>>(
  { origin: "http://evil.example" },
  { origin: "http://localhost:4000", "sec-fetch-site": "same-site" },
  { origin: "null" },
  { "sec-fetch-site": "cross-site" },
);

afterAll(async () => {
  await worker?.terminate();
  const dir = path.resolve(import.meta.dirname, "..", "..", "test-results", "reports");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "hardening-action-bodies.json"), JSON.stringify(figures, null, 2));
  console.log(`action bodies: ${JSON.stringify(figures)}`);
});

describe("server-action bodies", () => {
  it(`what our pages encode passes exactly when React decodes it (${RUNS} argument lists)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileValue, { maxLength: 4 }), async (args) => {
        figures.legit += 1;
        // A value the browser could not encode either (nesting that overflows its stack) is never sent.
        const body = await quietly(() => encodeReply(args)).catch(() => null);
        if (body === null) return;
        const refusal = await checked(actionRequest(body));
        if (refusal?.status === 413) return; // over the body limit, whatever it holds
        // Passed exactly when React decodes it: nothing our pages send is refused that Next would have run.
        const decoded = await decode(body);
        expect({ passed: refusal === null, refusal }, safeStringify(args)?.slice(0, 200)).toEqual({
          passed: decoded.ok,
          refusal: decoded.ok ? null : expect.objectContaining({ status: 400 }),
        });
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it(`whatever passes the check decodes; the rest is a 400, 403 or 413 (${RUNS} hostile bodies)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, hostileForm), fc.option(otherOrigin), async (body, origin) => {
        figures.hostile += 1;
        const refusal = await checked(actionRequest(body, origin ?? {}));
        if (origin) expect(refusal?.status).toBe(403);
        if (refusal) expect([400, 403, 413]).toContain(refusal.status);
        else expect(await decode(body), typeof body === "string" ? body.slice(0, 300) : "form").toEqual({ ok: true });
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
