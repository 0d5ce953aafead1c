import { defineConfig, devices } from "@playwright/test";

// Run through `npm test` / `npm run test:e2e`: they build the app and hand over
// DATABASE_URL (a database of this run's own) and CHROMIUM_PATH.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  // e2e/hardening runs under vitest (npm run test:hardening) with a server and PostgreSQL of its own.
  testIgnore: ["hardening/**"],
  fullyParallel: true,
  workers: process.env.CI ? 2 : 3,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Chromium as root needs --no-sandbox; the rest keep it off the closed network.
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `node node_modules/next/dist/bin/next start --port ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(process.env.SMTP_URL ? { SMTP_URL: process.env.SMTP_URL } : {}),
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
