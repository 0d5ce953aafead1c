#!/usr/bin/env node
// Workspace export (issue 18): does the archive stream, or does it sit in memory?
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres node bench/export-archive.mjs
//
// A database of its own (dropped at the end) → one workspace seeded through the domain code with EXPORT_DOCS docs of
// EXPORT_IMAGES incompressible images each → the same export read two ways, each in a fresh process:
//   streamed:  the HTTP way, chunks handed on (to a file) as they come
//   buffered:  the baseline, the whole archive collected in memory first (what a zipSync / arrayBuffer would do)
// It prints each one's peak memory above the process's idle level (RSS and Buffers), the archive size and the time,
// and the ratio streamed/buffered. Figures go into bench/RESULTS.md by hand (section "Workspace export").
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { applyMigrations, createDatabase, dropDatabase, withDatabase } from "../scripts/lib/postgres.mjs";

const admin = process.env.DATABASE_URL;
if (!admin) throw new Error("Set DATABASE_URL to a PostgreSQL server this bench may create a database on.");
const name = `bench_export_${randomBytes(4).toString("hex")}`;
const url = withDatabase(admin, name);
const docs = Number(process.env.EXPORT_DOCS ?? 20);
const images = Number(process.env.EXPORT_IMAGES ?? 5);

const run = (mode, extra = {}) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "bench/lib/export-archive-run.ts", mode],
      {
        env: { ...process.env, DATABASE_URL: url, EXPORT_DOCS: String(docs), EXPORT_IMAGES: String(images), ...extra },
      },
    )
      .toString()
      .trim()
      .split("\n")
      .at(-1),
  );

await createDatabase(admin, name);
try {
  await applyMigrations(url);
  const seeded = run("seed");
  const streamed = run("streamed", { EXPORT_WORKSPACE: seeded.workspaceId, EXPORT_OWNER: seeded.ownerId });
  const buffered = run("buffered", { EXPORT_WORKSPACE: seeded.workspaceId, EXPORT_OWNER: seeded.ownerId });
  const mb = (b) => (b / 1024 ** 2).toFixed(1);
  const [l1, l5, l15] = (await import("node:os")).loadavg().map((l) => l.toFixed(2));
  console.log(
    `\n${docs} docs × ${images} images, archive ${mb(streamed.bytes)} MB; load average ${l1} / ${l5} / ${l15}`,
  );
  console.log("| read | peak RSS above idle | peak Buffers above idle | time |");
  console.log("| --- | --- | --- | --- |");
  for (const [label, r] of [
    ["streamed (to a file, as served)", streamed],
    ["buffered (whole archive in memory: baseline)", buffered],
  ])
    console.log(`| ${label} | ${mb(r.peakRss)} MB | ${mb(r.peakBuffers)} MB | ${(r.ms / 1000).toFixed(1)} s |`);
  console.log(
    `| ratio streamed/buffered | ${(streamed.peakRss / buffered.peakRss).toFixed(2)} | ` +
      `${(streamed.peakBuffers / buffered.peakBuffers).toFixed(2)} | ${(streamed.ms / buffered.ms).toFixed(2)} |`,
  );
} finally {
  await dropDatabase(admin, name);
}
