/**
 * Issue 18: production as an operator runs it. A fresh database, the build this run made (npm test builds once for
 * every e2e spec), then the one start command (`npm start` = scripts/start.ts): migrations applied, the app served,
 * a person signs in, creates a doc, saves, reloads; SIGTERM stops everything with exit code 0 and nothing is lost.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createDatabase, freePort, migrationDirs, withDatabase } from "../../scripts/lib/postgres.mjs";
import { DEMO, runSeed } from "../../scripts/lib/seed.mjs";
import { createDocThroughForm } from "../fixtures/docs";
import { signIn } from "../fixtures/users";

const adminUrl = process.env.E2E_ADMIN_URL ?? "";
const runPrefix = (process.env.E2E_TEMPLATE_DB ?? "dr_tlocal_tmpl").replace(/_tmpl$/, "");
const SECRET = "production-e2e-secret-production-e2e-0123";

type Started = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null }> };

/** `npm start` as an operator types it (through node, to signal the launcher itself rather than npm). */
function start(env: Record<string, string>, args: string[] = []): Started {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null }>((resolve) => child.on("exit", (code) => resolve({ code })));
  return { child, output: () => output, exited };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test("fresh db → npm start → sign in, create, save, reload → SIGTERM: exit 0, nothing lost, no secret logged", async ({
  browser,
}) => {
  const name = `${runPrefix}_prod${Math.random().toString(36).slice(2, 6)}`;
  await createDatabase(adminUrl, name);
  const databaseUrl = withDatabase(adminUrl, name);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = start({
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: SECRET,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    COLLAB_PORT: String(await freePort()),
  });
  try {
    await expect
      .poll(() => app.output(), { timeout: 90_000, message: "the launcher says ready" })
      .toContain('"msg":"ready"');
    // Migrations were applied by the start command: every one, recorded as Prisma records them.
    const rows = await query<{ migration_name: string }>(
      databaseUrl,
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrationDirs().map((m) => m.name));
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);

    await runSeed({ PATH: process.env.PATH, DATABASE_URL: databaseUrl, AUTH_SECRET: SECRET });
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await signIn(page, DEMO);
    await expect(page).not.toHaveURL(/\/sign-in/);
    const { docId } = await createDocThroughForm(page, "Production round trip");
    await page.getByRole("button", { name: "Edit Design Overview" }).click();
    await page.getByRole("textbox", { name: "Design Overview content" }).click();
    await page.keyboard.type("Served by npm start.");
    await expect(page.locator("section#design-overview").getByRole("status").first()).toContainText("Saved");
    await page.reload();
    await expect(page.locator("section#design-overview")).toContainText("Served by npm start.");
    // A share link opened by a guest, and the signed-in user's session cookie: secrets the logs must not hold.
    const link = await page.request.post(`/api/docs/${docId}/share-links`, { data: {} });
    expect(link.status()).toBe(201);
    const { url: shareUrl, token } = (await link.json()) as { url: string; token: string };
    const guest = await browser.newContext();
    const shared = await guest.newPage();
    await shared.goto(new URL(new URL(shareUrl).pathname, base).toString());
    await expect(shared.getByRole("heading", { name: "Production round trip" })).toBeVisible();
    await guest.close();
    const cookies = (await context.cookies()).filter((c) => c.name.includes("session"));
    expect(cookies.length).toBeGreaterThan(0);
    const { id: userId } = (
      await query<{ id: string }>(databaseUrl, `SELECT id FROM "User" WHERE email = $1`, [DEMO.email])
    )[0]!;
    await context.close();

    app.child.kill("SIGTERM");
    const { code } = await app.exited;
    expect(code, app.output()).toBe(0);
    expect(app.output()).toContain('"msg":"stopped"');
    // The port is free again and the save is in the database.
    expect(
      await fetch(`${base}/api/health`).then(
        () => "answered",
        () => "closed",
      ),
    ).toBe("closed");
    const stored = await query<{ text: string }>(
      databaseUrl,
      `SELECT "text" FROM "Section" WHERE "documentId" = $1 AND "key" = 'design-overview'`,
      [docId],
    );
    expect(stored[0]?.text).toContain("Served by npm start.");

    // Logs: one JSON line per request with its id, route pattern, status and duration, the user id once signed in;
    // never the password, the share token, the session cookie or the email address (README → Observability).
    const requests = app
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === "request");
    expect(requests.find((l) => l.route === "/s/[token]")).toMatchObject({ status: 200, method: "GET" });
    const save = requests.find((l) => l.userId === userId && l.method !== "GET" && l.status === 200);
    expect(save).toMatchObject({ level: "info", reqId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(typeof save?.ms).toBe("number");
    const output = app.output();
    expect(output).not.toContain(DEMO.password);
    expect(output).not.toContain(DEMO.email);
    expect(output).not.toContain(token);
    for (const cookie of cookies) expect(output).not.toContain(cookie.value);
  } finally {
    if (app.child.exitCode === null) app.child.kill("SIGKILL");
    mkdirSync("test-results", { recursive: true });
    writeFileSync(path.join("test-results", "production-start.log"), app.output());
  }
});

test("npm start: one clear line and an exit code for a bad variable, a dead database, a port in use", async () => {
  const ok = { DATABASE_URL: withDatabase(adminUrl, "postgres"), AUTH_SECRET: SECRET, HOSTNAME: "127.0.0.1" };
  const lines = async (started: Started) => {
    const { code } = await started.exited;
    return { code, lines: started.output().trim().split("\n") };
  };

  const missing = await lines(start({ DATABASE_URL: ok.DATABASE_URL }));
  expect(missing).toEqual({
    code: 2,
    lines: ["Design Review cannot start: AUTH_SECRET is required but not set (README → Configuration)"],
  });
  const malformed = await lines(start({ ...ok, DATABASE_URL: "mysql://db/x" }));
  expect(malformed.code).toBe(2);
  expect(malformed.lines).toEqual([
    "Design Review cannot start: DATABASE_URL must be a postgresql:// URL (README → Configuration)",
  ]);

  const closed = await freePort();
  const unreachable = await lines(start({ ...ok, DATABASE_URL: `postgresql://postgres@127.0.0.1:${closed}/x` }));
  expect(unreachable.code).toBe(3);
  expect(unreachable.lines).toHaveLength(1);
  expect(unreachable.lines[0]).toMatch(
    new RegExp(`^Design Review cannot start: the database at 127\\.0\\.0\\.1:${closed}/x is unreachable \\(.+\\)$`),
  );

  const taken = net.createServer();
  const port = await new Promise<number>((resolve) =>
    taken.listen(0, "127.0.0.1", () => resolve((taken.address() as net.AddressInfo).port)),
  );
  try {
    const inUse = await lines(start({ ...ok, PORT: String(port) }, ["--no-migrate"]));
    expect(inUse).toEqual({
      code: 4,
      lines: [`Design Review cannot start: port ${port} is in use (set PORT to a free port)`],
    });
  } finally {
    taken.close();
  }
});
