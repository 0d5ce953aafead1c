/**
 * Keystroke → text visible in another browser (issue 14), measured in two real Chromium pages on the built app
 * (`next start` + scripts/collab-server.ts), both editing one section live, while Node collaborators
 * (@hocuspocus/provider) type a word every 250 ms each into the same doc, spread over its sections. In the same
 * run, the floor: a Node probe pair through a bare Hocuspocus server (no hooks) and through ours, with as many
 * writers.
 *
 * Each keystroke is timed on its own: page A stamps every key event (`performance.timeOrigin + event.timeStamp`),
 * page B stamps the moment its editor's DOM holds that character (a MutationObserver on the section's editor; the
 * "painted" column is the next animation frame after it). Both clocks are wall-clock based and read on one
 * machine; the offset between the two pages is measured and printed beside the figures.
 */
import { findChromium } from "../scripts/lib/test-env.mjs";
import { freePort } from "../scripts/lib/postgres.mjs";
import { RAW_SERVER, relayWithWriters, sleep, startProcess, startWriters } from "./lib/collab-clients.mjs";
import { fmt, loadAverage, percentile, table } from "./lib/report.mjs";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
/** Letters only: no input rule, mention or slash menu fires on them. */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

async function ticketFor(base, cookie, docId) {
  const res = await fetch(`${base}/api/docs/${docId}/collab`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET /api/docs/${docId}/collab answered ${res.status}`);
  return res.json();
}

/** Stamps each key event this page receives once `window.__armed` is set. */
function stampKeys() {
  window.__keys = [];
  window.__armed = false;
  document.addEventListener(
    "keydown",
    (event) => {
      if (window.__armed && event.key.length === 1) window.__keys.push(performance.timeOrigin + event.timeStamp);
    },
    true,
  );
}

/** Stamps, per character after `mark` in the section's editor, when the DOM first held it (and the next frame). */
function watchFor({ key, mark }) {
  const root = document.querySelector(`section#${CSS.escape(key)} .ProseMirror`);
  window.__watched = root;
  window.__seen = [];
  window.__painted = [];
  // Remote carets are widgets with the person's name in them: not text of the doc.
  const textOf = (node) => {
    let out = "";
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (!n.parentElement?.closest(".collab-caret")) out += n.data;
    return out;
  };
  const check = () => {
    const now = performance.timeOrigin + performance.now();
    for (const p of root.querySelectorAll("p")) {
      const text = textOf(p);
      const at = text.indexOf(mark);
      if (at < 0) continue;
      const n = text.length - at - mark.length;
      if (n <= window.__seen.length) return;
      const from = window.__seen.length;
      while (window.__seen.length < n) window.__seen.push(now);
      requestAnimationFrame(() => {
        const painted = performance.timeOrigin + performance.now();
        for (let i = from; i < n; i++) window.__painted[i] ??= painted;
      });
      return;
    }
  };
  // One watcher at a time: the previous run's, still attached, would count its own mark's letters into this run.
  window.__observer?.disconnect();
  window.__observer = new MutationObserver(check);
  window.__observer.observe(root, { subtree: true, childList: true, characterData: true });
}

/** (this page's clock − the bench process's clock), ms: the smallest of a few round trips' midpoints. */
async function clockOffset(page) {
  let best = null;
  for (let i = 0; i < 15; i++) {
    const before = performance.timeOrigin + performance.now();
    const there = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = performance.timeOrigin + performance.now();
    if (!best || after - before < best.rtt) best = { rtt: after - before, offset: there - (before + after) / 2 };
  }
  return best;
}

async function openEditing(browser, { base, cookie, slug, key }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const i = pair.indexOf("=");
      return { name: pair.slice(0, i), value: pair.slice(i + 1), url: base };
    }),
  );
  const page = await context.newPage();
  await page.addInitScript(stampKeys);
  await page.goto(`${base}/docs/${slug}`);
  await page.locator('[data-testid="doc-presence"][data-live="synced"]').waitFor({ timeout: 60_000 });
  await page.locator(`section#${key} .section-header button[aria-label^="Edit "]`).click();
  await page.locator(`section#${key} .section-editor[data-live] .ProseMirror`).waitFor({ timeout: 60_000 });
  return page;
}

/** Page A types `count` letters into its own new paragraph of `key`; B's editor is watched for each of them. */
async function typeAndWatch(a, b, key, count, delayMs) {
  const mark = `Probe${Math.random().toString(36).slice(2, 8)}:`;
  // Focus, not a click: a click in the middle of the section can land on a link and follow it.
  await a.locator(`section#${key} .ProseMirror`).focus();
  // A paragraph of its own at the top (every seeded section opens with a paragraph; its end can be a code block,
  // where Enter makes no new paragraph and the letters would be highlighted code).
  await a.keyboard.press("ControlOrMeta+Home");
  await a.keyboard.press("Enter");
  await a.keyboard.press("ArrowUp");
  await a.keyboard.type(mark);
  await b.locator(`section#${key} .ProseMirror`).getByText(mark).waitFor({ timeout: 60_000 });
  await b.evaluate(watchFor, { key, mark });
  // A fresh count per run: the same page types in every run.
  await a.evaluate(() => {
    window.__keys = [];
    window.__armed = true;
  });
  let text = "";
  for (let i = 0; i < count; i++) text += ALPHABET[i % ALPHABET.length];
  await a.keyboard.type(text, { delay: delayMs });
  await a.evaluate(() => (window.__armed = false));
  const deadline = Date.now() + 30_000;
  let seen = [];
  while (Date.now() < deadline) {
    seen = await b.evaluate(() => window.__seen.length);
    if (seen >= count) break;
    await sleep(100);
  }
  await sleep(100); // the last animation frame
  const keys = await a.evaluate(() => window.__keys);
  const { seen: at, painted } = await b.evaluate(() => ({ seen: window.__seen, painted: window.__painted }));
  if (keys.length !== count) throw new Error(`page A stamped ${keys.length} keys for ${count} typed`);
  if (at.length < count) await explainMissing(a, b, key, mark, at.length, count);
  const dom = [];
  const frame = [];
  for (let i = 0; i < count; i++) {
    if (at[i] === undefined) continue;
    dom.push(at[i] - keys[i]);
    if (painted[i] !== undefined) frame.push(painted[i] - keys[i]);
  }
  dom.sort((x, y) => x - y);
  frame.sort((x, y) => x - y);
  // Seen before it was typed: something else's text was counted as A's (the clocks agree within ~1 ms).
  if (dom.length && dom[0] < -5) throw new Error(`page B saw a keystroke ${-dom[0]} ms before A typed it`);
  return { dom, frame, missing: count - dom.length };
}

/** Keystrokes B never showed: what each page holds, where A's focus is, and screenshots (BENCH_SHOTS=dir). */
async function explainMissing(a, b, key, mark, seen, count) {
  const state = (page) =>
    page.evaluate(
      ({ key, mark }) => {
        const root = document.querySelector(`section#${CSS.escape(key)} .ProseMirror`);
        const text = root?.textContent ?? "";
        const at = text.indexOf(mark);
        const focus = document.activeElement;
        return {
          editor: !!root,
          watchedStillThere: window.__watched ? window.__watched.isConnected : null,
          afterMark: at < 0 ? null : text.slice(at, at + mark.length + 40),
          focus: focus ? `${focus.tagName}.${String(focus.className).slice(0, 40)}` : null,
        };
      },
      { key, mark },
    );
  console.error(`collab-keystroke: B showed ${seen} of ${count} keystrokes`);
  console.error(`  page A: ${JSON.stringify(await state(a))}`);
  console.error(`  page B: ${JSON.stringify(await state(b))}`);
  const dir = process.env.BENCH_SHOTS;
  if (!dir) return;
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dir, { recursive: true });
  await a.screenshot({ path: `${dir}/keystroke-a.png` });
  await b.screenshot({ path: `${dir}/keystroke-b.png` });
}

/**
 * The profile's frames in the built scripts, mapped back to their sources and names through the build's browser
 * source maps (BENCH_JS_SOURCES=1 makes them; each script names its map in its last line); frames without a map
 * stay as they are.
 */
async function symbolize(profile) {
  const { SourceMapConsumer } = await import("source-map-js");
  const maps = new Map();
  const mapOf = async (url) => {
    if (!url.includes("/_next/")) return null;
    if (!maps.has(url)) {
      const code = await (await fetch(url)).text();
      const name = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
      const res = name ? await fetch(new URL(name, url)) : null;
      maps.set(url, res?.ok ? new SourceMapConsumer(await res.json()) : null);
    }
    return maps.get(url);
  };
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const map = frame.url && (await mapOf(frame.url));
    if (!map) continue;
    const pos = map.originalPositionFor({ line: frame.lineNumber + 1, column: Math.max(0, frame.columnNumber) });
    if (!pos.source) continue;
    frame.url = pos.source.replace(/^.*?(node_modules\/|\/\/\/)/, "$1");
    frame.functionName = pos.name ?? frame.functionName;
    frame.lineNumber = (pos.line ?? 1) - 1;
  }
  return profile;
}

/**
 * BENCH_PROFILE_B=file.cpuprofile: a CPU profile of page B (Chrome DevTools format) while the writers type, and
 * its long tasks (≥ 50 ms by the browser's own definition) summed up in the log — where B's main thread goes.
 */
async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await page.evaluate(() => {
    window.__long = [];
    window.__longObserver?.disconnect();
    window.__longObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(Math.round(e.duration));
    });
    window.__longObserver.observe({ type: "longtask" });
  });
  return {
    async stop(file, log) {
      const { profile } = await cdp.send("Profiler.stop");
      const { writeFileSync } = await import("node:fs");
      writeFileSync(file, JSON.stringify(await symbolize(profile)));
      const long = await page.evaluate(() => window.__long);
      const total = long.reduce((a, b) => a + b, 0);
      log(
        `collab: page B profile in ${file}; ${long.length} long tasks, ${total} ms, longest ${Math.max(0, ...long)} ms`,
      );
      await cdp.detach();
    },
  };
}

/**
 * BENCH_TRACE_B=file.json: a Chromium trace of page B while the writers type (Chrome's JSON trace format: open it
 * in DevTools' Performance panel), and its main thread's self time per kind of work in the log — style, layout,
 * paint and parsing, which the CPU profile shows only as "(program)".
 */
async function startTrace(browser, page) {
  await browser.startTracing(page, {
    categories: [
      "devtools.timeline",
      "disabled-by-default-devtools.timeline",
      "v8",
      "blink.user_timing",
      "disabled-by-default-v8.cpu_profiler",
    ],
  });
  return {
    async stop(file, log) {
      const buffer = await browser.stopTracing();
      const { writeFileSync } = await import("node:fs");
      writeFileSync(file, buffer);
      const { summarizeTrace, profileFromTrace, selfTimeBySource } = await import("./lib/trace-summary.mjs");
      const trace = JSON.parse(buffer.toString("utf8"));
      const { busyMs, rows, long } = summarizeTrace(trace);
      log(`collab: page B trace in ${file}; main thread busy ${busyMs.toFixed(0)} ms, self time by kind:`);
      for (const r of rows.slice(0, 25)) log(`  ${r.ms.toFixed(1).padStart(8)} ms  ${r.name}`);
      log(`collab: page B's ${long.count} tasks of 15 ms or more (${long.ms.toFixed(0)} ms), self time by kind:`);
      for (const r of long.rows.slice(0, 15)) log(`  ${r.ms.toFixed(1).padStart(8)} ms  ${r.name}`);
      // The JavaScript inside it: the trace's CPU samples, mapped to sources (BENCH_JS_SOURCES=1 builds the maps).
      const profile = profileFromTrace(trace);
      if (!profile) return;
      const symbolized = await symbolize(profile);
      const where = selfTimeBySource(symbolized);
      log(`collab: page B's JavaScript by self time (${where.totalMs.toFixed(0)} ms sampled):`);
      for (const r of where.rows.slice(0, 40)) log(`  ${r.ms.toFixed(1).padStart(8)} ms  ${r.name}`);
      const inLong = selfTimeBySource(symbolized, long.spans);
      log(`collab: the JavaScript inside those long tasks (${inLong.totalMs.toFixed(0)} ms sampled):`);
      for (const r of inLong.rows.slice(0, 30)) log(`  ${r.ms.toFixed(1).padStart(8)} ms  ${r.name}`);
    },
  };
}

/**
 * The whole measurement. `doc` is a doc of the seed (id, slug, sections [{ key }]); `appDir` is where
 * @hocuspocus/server resolves (the bench's snapshot).
 */
export async function runKeystrokeBench({ base, cookie, doc, appDir, writers = 50, keystrokes = 150, log }) {
  const executablePath = await findChromium();
  if (!executablePath) return { skipped: "no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)" };
  const { chromium } = await import("@playwright/test");
  const keys = doc.sections.map((s) => s.key);
  const key = keys[0];
  // The browsers' writers type in the doc's other sections: a Node writer's paragraph is made at the top of its
  // section, where page A makes its own, and y-prosemirror can hand A's new paragraph the writer's text object (the
  // writer's words then land after A's probe and were counted as A's keystrokes: negative latencies).
  const otherKeys = keys.length > 1 ? keys.slice(1) : keys;
  const loadAtStart = loadAverage();
  const rows = [];

  // The floor, in the same run: a Node probe pair on a bare Hocuspocus server, then on ours.
  const rawPort = await freePort();
  const raw = await startProcess(["--input-type=module", "-e", RAW_SERVER], {
    env: { PORT: String(rawPort) },
    port: rawPort,
    cwd: appDir,
  });
  try {
    log(`collab: raw Hocuspocus relay, Node pair, ${writers} writers`);
    const floor = await relayWithWriters({ url: `ws://127.0.0.1:${rawPort}`, docName: "raw", token: "", key, writers });
    rows.push({
      what: `raw Hocuspocus relay (no hooks), Node pair, ${writers} writers`,
      ...floor,
      load: loadAverage(),
    });
  } finally {
    raw.kill("SIGTERM");
  }
  const ticket = await ticketFor(base, cookie, doc.id);
  const url = ticket.url ?? `ws://127.0.0.1:${ticket.port}`;
  const token = async () => (await ticketFor(base, cookie, doc.id)).token;
  log(`collab: our collaboration server, Node pair, ${writers} writers`);
  const ours = await relayWithWriters({ url, docName: ticket.docName, token, key, writers });
  rows.push({ what: `ours (collab-server.ts), Node pair, ${writers} writers`, ...ours, load: loadAverage() });

  // Two browsers, each its own Chromium, both editing the section live.
  const browsers = await Promise.all([0, 1].map(() => chromium.launch({ executablePath, args: CHROMIUM_ARGS })));
  const browserRows = [];
  // Which Chromium: findChromium prefers Debian's headless shell (the engine alone) to the full browser run headless.
  const browserName = `${executablePath.split("/").pop()} ${browsers[0].version()}`;
  let offsets;
  try {
    const pages = [];
    for (const browser of browsers) pages.push(await openEditing(browser, { base, cookie, slug: doc.slug, key }));
    const [pa, pb] = pages;
    const [oa, ob] = [await clockOffset(pa), await clockOffset(pb)];
    offsets = { between: oa.offset - ob.offset, rtt: Math.max(oa.rtt, ob.rtt) };
    for (const count of [0, writers]) {
      const others = count
        ? await startWriters({ url, docName: ticket.docName, token, keys: otherKeys, count })
        : { stop: async () => {}, edits: () => 0 };
      try {
        await sleep(1_000);
        log(`collab: two Chromium pages, ${count} writers, ${keystrokes} keystrokes`);
        const profiling = count && process.env.BENCH_PROFILE_B ? await startProfile(pb) : null;
        const tracing = count && process.env.BENCH_TRACE_B ? await startTrace(browsers[1], pb) : null;
        const typed = await typeAndWatch(pa, pb, key, keystrokes, 120);
        if (profiling) await profiling.stop(process.env.BENCH_PROFILE_B, log);
        if (tracing) await tracing.stop(process.env.BENCH_TRACE_B, log);
        browserRows.push({ writers: count, ...typed, load: loadAverage() });
      } finally {
        await others.stop();
      }
    }
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
  }
  return { rows, browserRows, offsets, loadAtStart, loadAtEnd: loadAverage(), writers, keystrokes, browserName };
}

export function keystrokeTable(r) {
  if (r.skipped) return `Not measured: ${r.skipped}.`;
  const node = table(
    ["keystroke → other client (Node providers)", "p50 ms", "p95 ms", "samples", "load average"],
    r.rows.map((x) => [x.what, fmt(x.p50, 1), fmt(x.p95, 1), x.samples, x.load]),
  );
  const browser = table(
    [
      "keystroke in Chromium A → text in Chromium B's editor",
      "p50 ms",
      "p95 ms",
      "p95 to the next frame ms",
      "max ms",
      "keystrokes",
      "goal",
      "load average",
    ],
    r.browserRows.map((x) => [
      x.writers ? `${x.writers} Node writers typing in the doc` : "no other writers",
      fmt(percentile(x.dom, 50), 1),
      fmt(percentile(x.dom, 95), 1),
      fmt(percentile(x.frame, 95), 1),
      fmt(x.dom.at(-1), 1),
      `${x.dom.length}${x.missing ? ` (${x.missing} not seen)` : ""}`,
      x.writers ? "p95 ≤ 30" : "",
      x.load,
    ]),
  );
  const floor = r.rows[0];
  const at50 = r.browserRows.find((x) => x.writers === r.writers);
  const verdict =
    floor && at50
      ? `Browser p95 at ${r.writers} writers ${fmt(percentile(at50.dom, 95), 1)} ms beside the raw relay's ` +
        `${fmt(floor.p95, 1)} ms in this run: ${percentile(at50.dom, 95) <= 30 ? "PASS" : "**MISS**"} (goal ≤ 30 ms).`
      : "";
  return (
    `${node}\n\n${browser}\n\n${verdict}\n\n` +
    `_Browsers: ${r.browserName ?? "Chromium"}. Load average at start ${r.loadAtStart}, at end ${r.loadAtEnd}. ` +
    `Keystrokes typed by Playwright every 120 ms; ` +
    `writers type a word every 250 ms each (the browsers' writers in the doc's other sections). ` +
    `Clock offset between the two pages ${fmt(r.offsets.between, 2)} ms ` +
    `(±${fmt(r.offsets.rtt / 2, 2)}), not corrected._`
  );
}
