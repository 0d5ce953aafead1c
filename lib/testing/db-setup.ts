/**
 * Vitest setup for *.db.test.ts: each test file gets a database of its own,
 * cloned from the run's migrated template (see scripts/test.mjs), so files run in
 * parallel and never see each other's rows. Set before any module imports lib/db.
 */
import { afterAll } from "vitest";
import pg from "pg";

const adminUrl = process.env.TEST_ADMIN_URL;
const template = process.env.TEST_TEMPLATE_DB;
if (!adminUrl || !template)
  throw new Error("Database tests run through `npm test` or `npm run test:db`, which create the test databases.");

const name = `${template.replace(/_tmpl$/, "")}_f${Math.random().toString(36).slice(2, 10)}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
// A test needs no commit to survive a crash: no wait for the WAL flush (scripts/lib/test-env.mjs skipCommitFlush).
await admin.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
});
