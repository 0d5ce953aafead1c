#!/usr/bin/env node
// `npm run migrate`: apply pending migrations to DATABASE_URL with the project's runner (each in a transaction of
// its own, Prisma's `_prisma_migrations` bookkeeping; README → Production → Migrations). `npm start` runs the same.
import { applyMigrations } from "./lib/postgres.mjs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Design Review cannot migrate: DATABASE_URL is required but not set.");
  process.exit(1);
}
try {
  const applied = await applyMigrations(url);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.",
  );
} catch (error) {
  console.error(`Design Review cannot migrate: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
