// Core Web Vitals of the doc page (and the doc list) in Chromium, measured the way
// Lighthouse reads them, without Lighthouse: PerformanceObserver for LCP, FCP, CLS
// and long tasks (TBT = Σ (long task − 50 ms) after FCP), each a fresh browser
// context (cold cache), unthrottled and with the CPU slowed 4× as Lighthouse's
// mobile profile does. No network throttling: the server is on localhost.
import { findChromium } from "../scripts/lib/test-env.mjs";
import { fmt, table } from "./lib/report.mjs";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const QUIET_MS = 3000;
// A string of mermaid's own code (its error drawing) that minification keeps: a script holding it is diagram code.
const MERMAID_MARKER = "Syntax error in text";

const OBSERVE = () => {
  const v = { lcp: 0, fcp: 0, cls: 0, longTasks: [] };
  window.__vitals = v;
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => (v.lcp = e.renderTime || e.loadTime || e.startTime)),
  ).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => e.name === "first-contentful-paint" && (v.fcp = e.startTime)),
  ).observe({ type: "paint", buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && (v.cls += e.value))).observe({
    type: "layout-shift",
    buffered: true,
  });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => v.longTasks.push({ start: e.startTime, duration: e.duration })),
  ).observe({ type: "longtask", buffered: true });
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

async function loadOnce(browser, { base, cookie, path, cpuSlowdown }) {
  const context = await browser.newContext();
  try {
    if (cookie) {
      await context.addCookies(
        cookie.split("; ").map((pair) => ({
          name: pair.slice(0, pair.indexOf("=")),
          value: pair.slice(pair.indexOf("=") + 1),
          url: base,
        })),
      );
    }
    const page = await context.newPage();
    // What the load fetched: any diagram code (a doc without diagrams must ship none) and how many images
    // (those below the fold are lazy, so they must not all load at once).
    const fetched = [];
    page.on("response", (res) => {
      const type = res.request().resourceType();
      if (type === "image") fetched.push(Promise.resolve({ image: true }));
      if (type === "script")
        fetched.push(
          res.body().then(
            (b) => ({ mermaid: b.includes(MERMAID_MARKER) }),
            () => ({}),
          ),
        );
    });
    await page.addInitScript(OBSERVE);
    if (cpuSlowdown > 1)
      await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    const res = await page.goto(`${base}${path}`, { waitUntil: "load" });
    if (res?.status() !== 200) throw new Error(`GET ${path} answered ${res?.status()} in Chromium`);
    // Long tasks until the main thread has been quiet a while (Lighthouse stops at TTI; this stops later, never
    // earlier).
    await page.waitForTimeout(QUIET_MS);
    // A click would end LCP observation; reading it without input keeps the last candidate.
    const v = await page.evaluate(() => window.__vitals);
    const tbt = v.longTasks
      .filter((t) => t.start + t.duration > v.fcp)
      .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
    const seen = await Promise.all(fetched);
    const images = seen.filter((x) => x.image).length;
    return { lcp: v.lcp, fcp: v.fcp, cls: v.cls, tbt, images, mermaid: seen.some((x) => x.mermaid) ? 1 : 0 };
  } finally {
    await context.close();
  }
}

export async function runVitals({ base, cookie, pages, runs = 5, log }) {
  const executablePath = await findChromium();
  if (!executablePath) return { skipped: "no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)" };
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const rows = [];
    for (const page of pages) {
      for (const cpuSlowdown of [1, 4]) {
        log(`vitals: ${page.name}, CPU ×${cpuSlowdown}, ${runs} cold loads`);
        const samples = [];
        for (let i = 0; i < runs; i++)
          samples.push(
            await loadOnce(browser, { base, cookie: page.signedIn ? cookie : null, path: page.path, cpuSlowdown }),
          );
        rows.push({
          name: page.name,
          cpuSlowdown,
          runs,
          ...Object.fromEntries(
            ["lcp", "fcp", "tbt", "cls", "images"].map((k) => [k, median(samples.map((s) => s[k]))]),
          ),
          mermaidLoads: samples.filter((s) => s.mermaid).length,
        });
      }
    }
    return { rows };
  } finally {
    await browser.close();
  }
}

/** Lighthouse's "good" thresholds (desktop LCP ≤ 1.2 s, TBT ≤ 150 ms; mobile LCP ≤ 2.5 s, TBT ≤ 200 ms). */
export function vitalsTable(r) {
  return table(
    ["page", "CPU", "LCP ms", "FCP ms", "TBT ms", "CLS", "images fetched", "loads with diagram code", "loads (median)"],
    r.rows.map((x) => [
      x.name,
      x.cpuSlowdown === 1 ? "unthrottled" : `${x.cpuSlowdown}× slower`,
      fmt(x.lcp),
      fmt(x.fcp),
      fmt(x.tbt),
      fmt(x.cls, 3),
      fmt(x.images),
      `${x.mermaidLoads} of ${x.runs}`,
      x.runs,
    ]),
  );
}
