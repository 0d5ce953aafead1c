import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { mailboxPorts } from "./e2e/fixtures/mailbox";

// Run through `npm test` / `npm run test:e2e`: they build the app and hand over
// DATABASE_URL (a database of this run's own) and CHROMIUM_PATH.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const mailbox = mailboxPorts(PORT);
// The live co-editing server (scripts/collab-server.ts) of this run, beside the app.
// Not +1000 or +2000: the mailbox listens there (e2e/fixtures/mailbox.ts), and two servers on one port fail the run.
const COLLAB_PORT = PORT + 3000;
const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123";

export default defineConfig({
  testDir: "e2e",
  // e2e/hardening runs under vitest (npm run test:hardening) with a server and PostgreSQL of its own.
  testIgnore: ["hardening/**"],
  fullyParallel: true,
  workers: process.env.CI ? 2 : 3,
  retries: 0,
  // A 2-core CI machine runs the app, the collaboration server, PostgreSQL and two Chromiums at once: a server
  // action or an editor opening has taken 15 s there. Limits wide enough for that are free when tests pass;
  // a test never waits on a fixed time.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/playwright.json" }],
  ],
  use: {
    baseURL,
    // A failed test leaves its screenshot and error-context.md (the page's accessibility tree at the failure).
    // E2E_TRACE=1 also keeps its trace (the page at every step, the network, the sources; with
    // E2E_TRACE_SCREENSHOTS=1 a screencast as well): recording it for every test costs the run time on a 2-core
    // machine (e2e/docs: 199 s without, 225 s with DOM snapshots, 295 s with the screencast too).
    trace:
      process.env.E2E_TRACE === "1" || process.env.E2E_TRACE_SCREENSHOTS === "1"
        ? {
            mode: "retain-on-failure",
            screenshots: process.env.E2E_TRACE_SCREENSHOTS === "1",
            snapshots: true,
            sources: true,
          }
        : "off",
    screenshot: "only-on-failure",
    launchOptions: {
      // scripts/test.mjs hands over the headless shell where it is installed (scripts/lib/test-env.mjs findChromium).
      executablePath:
        process.env.CHROMIUM_PATH ??
        ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => existsSync(p)) ??
        "/usr/bin/chromium",
      // Chromium as root needs --no-sandbox; the rest keep it off the closed network.
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // A real SMTP server the app mails through (sign-up confirmations, invitations), read by e2e/fixtures/mailbox.ts.
      command: `node --import tsx e2e/fixtures/mailbox-server.ts ${mailbox.smtp} ${mailbox.http}`,
      url: `http://127.0.0.1:${mailbox.http}/mail`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node --conditions=react-server --import tsx scripts/collab-server.ts",
      url: `http://127.0.0.1:${COLLAB_PORT}/`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { DATABASE_URL: process.env.DATABASE_URL ?? "", AUTH_SECRET, COLLAB_PORT: String(COLLAB_PORT) },
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node node_modules/next/dist/bin/next start --port ${PORT}`,
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        AUTH_SECRET,
        COLLAB_PORT: String(COLLAB_PORT),
        NEXT_TELEMETRY_DISABLED: "1",
        SMTP_URL: `smtp://127.0.0.1:${mailbox.smtp}`,
        // As behind one reverse proxy: each test's browser is a client of its own (e2e/fixtures/users.ts gives each
        // context an X-Forwarded-For), so per-address limits see many clients, as in production.
        TRUST_PROXY_HOPS: "1",
        // The webhook spec's receiver listens on loopback: the operator's allowance for private networks.
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
