// Doc page load: autocannon against /docs/<slug> (signed in) and against a static
// copy of the same page's HTML served from public/ by the same server, at each
// connection level, alternating so both see the same machine state.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { ROOT } from "../scripts/lib/postgres.mjs";
import { summarizeProfile } from "./lib/cpu-profile.mjs";
import { OUT, cpuSecondsOf, startApp } from "./lib/server.mjs";
import { fmt, kb, table } from "./lib/report.mjs";

export const STATIC_NAME = "bench-static.html";
/**
 * lib/docs/page-cache.ts RENDER_HEADER: render the page, bypassing the page cache (prepareDocPage checks it still
 * does).
 */
const RENDER_HEADER = "x-design-review-render";
const staticFile = (appDir) => path.join(appDir, "public", STATIC_NAME);

/**
 * `next start` lists public/ once at boot (next/dist/server/lib/router-utils/filesystem.js),
 * but reads each file's bytes per request. So a placeholder written before the start
 * can take the real page's HTML afterwards without a restart (checked in verifyStatic).
 */
export function writeStaticPlaceholder(appDir) {
  mkdirSync(path.dirname(staticFile(appDir)), { recursive: true });
  writeFileSync(staticFile(appDir), "<!doctype html><title>bench placeholder</title>");
}

/** HTML outside <script> elements: what a reader sees before any JavaScript runs. */
const visibleHtml = (html) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");

/** Fetch the doc page once, check it is the signed-in page with every section's text, copy it to public/. */
export async function prepareDocPage({ appDir, base, cookie, slug, sections }) {
  const res = await fetch(`${base}/docs/${slug}`, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200)
    throw new Error(`GET /docs/${slug} answered ${res.status} (expected 200 with the session cookie)`);
  const html = await res.text();
  const visible = visibleHtml(html);
  const missing = sections.filter((s) => !visible.includes(s.marker)).map((s) => s.key);
  const bytes = Buffer.byteLength(html);
  const scriptBytes = bytes - Buffer.byteLength(visible);
  writeFileSync(staticFile(appDir), html);
  const check = await fetch(`${base}/${STATIC_NAME}`);
  const copy = check.ok ? await check.text() : "";
  if (!check.ok || Buffer.byteLength(copy) !== bytes) {
    throw new Error(
      `the static copy at /${STATIC_NAME} answered ${check.status} with ${Buffer.byteLength(copy)} bytes, ` +
        `expected 200 with ${bytes}`,
    );
  }
  // A repeat read comes from the page cache; the bypass header renders.
  const again = await fetch(`${base}/docs/${slug}`, { headers: { cookie }, redirect: "manual" });
  const rendered = await fetch(`${base}/docs/${slug}`, {
    headers: { cookie, [RENDER_HEADER]: "1" },
    redirect: "manual",
  });
  await Promise.all([again.text(), rendered.text()]);
  const cache = {
    repeat: again.headers.get("x-page-cache") ?? "none",
    bypass: rendered.headers.get("x-page-cache") ?? "none",
  };
  if (cache.repeat !== "hit" || cache.bypass !== "none") {
    throw new Error(
      `page cache: a repeat read answered x-page-cache: ${cache.repeat} (expected hit), ` +
        `a read with ${RENDER_HEADER} ${cache.bypass} (expected none)`,
    );
  }
  return {
    bytes,
    scriptBytes,
    sectionsInHtml: sections.length - missing.length,
    sectionCount: sections.length,
    missing,
    cache,
  };
}

/**
 * autocannon for `seconds`, or for `amount` requests when given (warm-ups: a count, not a time, so a slow machine still
 * warms up).
 */
function cannon(url, { connections, seconds, amount, cookie, headers = {} }) {
  const limit = amount ? { amount } : { duration: seconds };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, ...limit, headers: { cookie, ...headers }, timeout: 30 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("error", reject);
  });
}

/**
 * Requests still in flight when autocannon stops keep the server busy: wait until it
 * uses under a tenth of a core, so their CPU is counted in this run and not the next.
 */
async function untilIdle(pid, maxMs = 60_000) {
  const deadline = performance.now() + maxMs;
  let last = cpuSecondsOf(pid);
  let quiet = 0;
  // An idle next-server uses ~0 CPU; a busy one starved by other processes still gets more than 4 % of a core.
  while (quiet < 2 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuSecondsOf(pid);
    quiet = now - last > 0.02 ? 0 : quiet + 1;
    last = now;
  }
}

async function measure(url, opts, serverPid) {
  const cpuBefore = cpuSecondsOf(serverPid);
  const r = await cannon(url, opts);
  await untilIdle(serverPid);
  const cpu = cpuSecondsOf(serverPid) - cpuBefore;
  const ok = r["2xx"];
  return {
    rps: ok / r.duration,
    // No response within the run: latency is "longer than the run", not 0.
    p50: ok ? r.latency.p50 : NaN,
    p99: ok ? r.latency.p99 : NaN,
    ok,
    bad: r.non2xx + r.errors + r.timeouts,
    // Requests in flight at the deadline still cost the server CPU: divide by every request sent.
    cpuMsPerRequest: r.requests.sent ? (cpu * 1000) / Math.max(ok, r.requests.sent) : NaN,
  };
}

/**
 * Three URLs per level: the doc page as readers get it (lib/docs/page-cache.ts answers
 * repeat reads of an unchanged doc), the same page rendered on every request (the
 * header that bypasses the cache: what the first read after each change costs), and
 * the static copy.
 */
export async function runDocPageLoad({ base, cookie, slug, seconds, levels, serverPid, log }) {
  const docUrl = `${base}/docs/${slug}`;
  const staticUrl = `${base}/${STATIC_NAME}`;
  const render = { [RENDER_HEADER]: "1" };
  log("doc page: warming up (100 requests each)");
  await cannon(docUrl, { connections: 10, amount: 100, cookie });
  await cannon(docUrl, { connections: 10, amount: 100, cookie, headers: render });
  await cannon(staticUrl, { connections: 10, amount: 100, cookie });
  await untilIdle(serverPid);
  const rows = [];
  for (const connections of levels) {
    log(`doc page: ${connections} connections, ${seconds} s per URL`);
    const doc = await measure(docUrl, { connections, seconds, cookie }, serverPid);
    const rendered = await measure(docUrl, { connections, seconds, cookie, headers: render }, serverPid);
    const stat = await measure(staticUrl, { connections, seconds, cookie }, serverPid);
    rows.push({
      connections,
      doc,
      rendered,
      static: stat,
      ratio: doc.rps / stat.rps,
      renderedRatio: rendered.rps / stat.rps,
      cpuRatio: stat.cpuMsPerRequest / doc.cpuMsPerRequest,
    });
  }
  return rows;
}

export function docPageTable(rows) {
  return table(
    [
      "connections",
      "doc req/s",
      "doc p50 ms",
      "doc p99 ms",
      "doc CPU ms/req",
      "static req/s",
      "static p50 ms",
      "static p99 ms",
      "static CPU ms/req",
      "ratio doc/static",
      "ratio by server CPU",
      "rendered req/s",
      "rendered p99 ms",
      "rendered CPU ms/req",
      "ratio rendered/static",
      "non-2xx/errors",
    ],
    rows.map((r) => [
      r.connections,
      fmt(r.doc.rps, 1),
      r.doc.ok ? fmt(r.doc.p50) : "none completed",
      r.doc.ok ? fmt(r.doc.p99) : "none completed",
      fmt(r.doc.cpuMsPerRequest, 1),
      fmt(r.static.rps, 0),
      fmt(r.static.p50),
      fmt(r.static.p99),
      fmt(r.static.cpuMsPerRequest, 2),
      fmt(r.ratio, 3),
      fmt(r.cpuRatio, 3),
      fmt(r.rendered.rps, 1),
      r.rendered.ok ? fmt(r.rendered.p99) : "none completed",
      fmt(r.rendered.cpuMsPerRequest, 1),
      fmt(r.renderedRatio, 3),
      `${r.doc.bad} / ${r.rendered.bad} / ${r.static.bad}`,
    ]),
  );
}

export function docPageFacts(page, seed) {
  return table(
    ["", ""],
    [
      ["Sections (filled)", `${page.sectionCount}`],
      ["Tiptap JSON stored", `${kb(seed.doc.jsonBytes)} KB`],
      [
        "Page HTML (uncompressed)",
        `${kb(page.bytes)} KB, of which ${kb(page.scriptBytes)} KB inside <script> (RSC payload)`,
      ],
      [
        "Page cache (lib/docs/page-cache.ts)",
        page.cache ? `repeat read: ${page.cache.repeat}; with ${RENDER_HEADER}: rendered` : "—",
      ],
      [
        "Section text in server HTML (outside scripts)",
        `${page.sectionsInHtml}/${page.sectionCount}` +
          (page.missing.length ? ` — missing: ${page.missing.join(", ")}` : ""),
      ],
    ],
  );
}

/**
 * A second `next start` under `node --cpu-prof`, loaded with the doc page at 10
 * connections; returns where its CPU went (boot and warm-up left out).
 */
export async function profileDocPage({ appDir, env, onCleanup, cookie, slug, seconds, log }) {
  const dir = path.join(OUT, "profile");
  rmSync(dir, { recursive: true, force: true });
  const app = await startApp(appDir, env, {
    onCleanup,
    nodeArgs: ["--cpu-prof", "--cpu-prof-dir", dir],
    logName: "server-profile.log",
  });
  const url = `${app.base}/docs/${slug}`;
  log(`profiling the doc page: 10 connections, ${seconds} s, under node --cpu-prof`);
  await cannon(url, { connections: 10, amount: 100, cookie });
  await untilIdle(app.serverPid());
  const skipMs = performance.now() - app.startedAt;
  const r = await cannon(url, { connections: 10, seconds, cookie });
  await app.stop();
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (!files.length) throw new Error(`node --cpu-prof wrote no profile into ${path.relative(ROOT, dir)}`);
  const file = files.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  return {
    ...summarizeProfile(file, { skipMs }),
    requests: Math.max(r["2xx"], r.requests.sent),
    file: path.relative(ROOT, file),
  };
}

export function profileTable(p) {
  const perRequest = (ms) => (p.requests ? fmt(ms / p.requests, 2) : "—");
  return table(
    ["where (self time)", "ms per doc page", "share of busy CPU"],
    p.rows.map((r) => [r.category, perRequest(r.ms), `${fmt(r.share * 100, 1)} %`]),
  );
}
