import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { newUser, signUp } from "../fixtures/users";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A failed sign-in sent from the loopback address `from` (Linux answers on all of 127/8), so this test's
 * address-wide limit is its own and not that of every other request of the run (127.0.0.1).
 */
function failedSignInFrom(from: string, base: string, i: number, forwardedFor: string): Promise<number> {
  const body = JSON.stringify({ email: `nobody-${Date.now()}-${i}@example.test`, password: "guess-guess" });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/sign-in`,
      {
        method: "POST",
        localAddress: from,
        headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const failedSignIn = (request: APIRequestContext, base: string, i: number, forwardedFor: string) =>
  request.post(`${base}/api/sign-in`, {
    data: { email: `nobody-${Date.now()}-${i}@example.test`, password: "guess-guess" },
    headers: { "x-forwarded-for": forwardedFor },
  });

// Issue 13: rotating X-Forwarded-For got past every per-address limit.
test("behind the trusted proxy, addresses a client writes before the proxy's entry are not believed", async ({
  request,
}) => {
  // An address of this test alone (198.18.0.0/15 is for benchmarks; other specs use 198.51.100.x and 192.0.2.x).
  const proxySaw = `198.18.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++)
    statuses.push((await failedSignIn(request, "", i, `203.0.113.${i}, ${proxySaw}`)).status());
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
  expect(statuses[20]).toBe(429);
});

test("with no proxy configured (the default), X-Forwarded-* headers from clients are ignored", async ({
  browser,
  request,
}) => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port)], {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.DATABASE_URL!,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123",
    },
    stdio: "ignore",
  });
  try {
    await expect
      .poll(async () => (await request.get(`${base}/api/health`).catch(() => null))?.status(), { timeout: 90_000 })
      .toBe(200);
    // A signed-in user's share link is built from the real host, whatever X-Forwarded-Host says.
    const user = newUser("proxyless");
    await signUp(await (await browser.newContext()).newPage(), user);
    const signIn = await request.post(`${base}/api/sign-in`, {
      data: { email: user.email, password: user.password },
      headers: { "x-forwarded-for": "192.0.2.1" },
    });
    expect(signIn.status()).toBe(200);
    const docs = await request.post(`${base}/api/docs`, {
      data: { title: "Host header doc" },
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    expect(docs.status()).toBe(201);
    const link = await request.post(`${base}/api/docs/${(await docs.json()).id}/share-links`, {
      data: {},
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    expect(new URL((await link.json()).url).host).toBe(`127.0.0.1:${port}`);

    // Rotating X-Forwarded-For from one socket address: all one client, stopped after 20 failures.
    const from = `127.0.${(Date.now() >> 8) & 255}.${(Date.now() & 127) + 2}`;
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push(await failedSignInFrom(from, base, i, `198.51.100.${i}`));
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
  } finally {
    server.kill("SIGTERM");
  }
});
