import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

test("GET /api/health answers 200 with the database status", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("production start refuses a missing or malformed variable and names it", async () => {
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", "0"], {
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  const missing = await run({ DATABASE_URL: process.env.DATABASE_URL! });
  expect(missing.code).not.toBe(0);
  expect(missing.output).toContain("AUTH_SECRET is required but not set");
  const malformed = await run({ DATABASE_URL: "mysql://nope", AUTH_SECRET: "x".repeat(40) });
  expect(malformed.code).not.toBe(0);
  expect(malformed.output).toContain("DATABASE_URL must be a postgresql:// URL");
});

test("the JSON sign-in answers 401 for wrong credentials, then 429 with Retry-After", async ({ request }) => {
  const email = `brute-${Date.now()}@example.test`;
  for (let i = 0; i < 5; i++) {
    const r = await request.post("/api/sign-in", {
      data: { email, password: `guess-${i}` },
      headers: { "x-forwarded-for": `198.51.100.${i}` },
    });
    expect(r.status()).toBe(401);
    expect((await r.json()).error.message).toBe("Email or password is incorrect.");
  }
  const limited = await request.post("/api/sign-in", {
    data: { email, password: "another" },
    headers: { "x-forwarded-for": "198.51.100.77" },
  });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).error.message).toMatch(
    /Too many failed sign-in attempts\. Try again in \d+ minutes?\./,
  );
});

test("bad API input is a 4xx with a message, never a 500", async ({ request }) => {
  const malformed = await request.post("/api/sign-in", {
    data: Buffer.from("{not json"),
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(422);
  expect((await malformed.json()).error.message).toBe("The request body is not valid JSON.");
  const notAnObject = await request.post("/api/sign-in", {
    data: Buffer.from('"just a string"'),
    headers: { "content-type": "application/json" },
  });
  expect(notAnObject.status()).toBe(422);
  expect((await notAnObject.json()).error.message).toBe("Send a JSON object with the fields this endpoint expects.");
  const unauthenticated = await request.get("/api/docs");
  expect(unauthenticated.status()).toBe(401);
});
