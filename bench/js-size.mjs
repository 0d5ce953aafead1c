// JavaScript (and CSS) shipped to the browser, gzip-compressed as a server would send it.
// Reading: the scripts a page's HTML loads (<script src>, <link rel=preload as=script>;
// nomodule polyfills excluded: modern browsers skip them). Editing: everything a real
// Chromium downloads for the doc page until an editor is open, when it can be opened.
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../scripts/lib/postgres.mjs";
import { findChromium } from "../scripts/lib/test-env.mjs";
import { kb, table } from "./lib/report.mjs";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const EDITOR = '[contenteditable="true"]';

const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag)?.[1] ?? null;

export function assetsOf(html) {
  const scripts = new Set();
  const styles = new Set();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (/\snomodule\b/i.test(tag)) continue;
    const src = attr(tag, "src");
    if (src) scripts.add(src.replaceAll("&amp;", "&"));
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, "rel");
    const href = attr(tag, "href")?.replaceAll("&amp;", "&");
    if (!href) continue;
    if (rel === "stylesheet") styles.add(href);
    else if (
      (rel === "preload" || rel === "modulepreload") &&
      (attr(tag, "as") === "script" || rel === "modulepreload")
    )
      scripts.add(href);
  }
  return { scripts: [...scripts], styles: [...styles] };
}

const gzipBytes = (buf) => gzipSync(buf).length;

// Strings that survive minification and name the library a chunk carries (client
// chunks have no source maps): a hint for where the kilobytes come from.
const MARKERS = [
  ["react-dom", "__reactContainer"],
  ["next router", "__next_f"],
  ["prosemirror/tiptap", "ProseMirror-hideselection"],
  ["highlight.js", "hljs"],
  ["zod", "ZodError"],
  ["radix", "data-radix"],
  ["sonner", "sonner"],
  ["lucide icons", "lucide"],
  ["hocuspocus provider", "sessionAwareness"],
  ["y-indexeddb", "PREFERRED_TRIM_SIZE"],
];
const markersOf = (text) => MARKERS.filter(([, needle]) => text.includes(needle)).map(([name]) => name);

export async function measurePages({ base, cookie, pages }) {
  const cache = new Map();
  const sizeOf = async (url) => {
    const abs = new URL(url, base).toString();
    if (!cache.has(abs)) {
      cache.set(
        abs,
        (async () => {
          const res = await fetch(abs);
          if (!res.ok) throw new Error(`GET ${abs} answered ${res.status}`);
          const buf = Buffer.from(await res.arrayBuffer());
          return { url, gzip: gzipBytes(buf), markers: markersOf(buf.toString("latin1")) };
        })(),
      );
    }
    return cache.get(abs);
  };
  const rows = [];
  for (const page of pages) {
    const res = await fetch(`${base}${page.path}`, { headers: page.signedIn ? { cookie } : {}, redirect: "manual" });
    if (res.status !== 200) throw new Error(`GET ${page.path} answered ${res.status} (expected 200)`);
    const html = await res.text();
    const { scripts, styles } = assetsOf(html);
    const chunks = await Promise.all(scripts.map(sizeOf));
    const js = chunks.reduce((a, b) => a + b.gzip, 0);
    const css = (await Promise.all(styles.map(sizeOf))).reduce((a, b) => a + b.gzip, 0);
    rows.push({
      name: page.name,
      path: page.path,
      files: scripts.length,
      jsGzip: js,
      cssGzip: css,
      htmlGzip: gzipBytes(Buffer.from(html)),
      chunks,
    });
  }
  return rows;
}

/**
 * Open the doc page in Chromium, sum the gzip size of every script it downloads,
 * then start editing the first section and sum again once an editor is open.
 */
export async function measureEditing({ base, cookie, slug, log, outDir }) {
  const executablePath = await findChromium();
  if (!executablePath) return { skipped: "no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)" };
  let chromium;
  try {
    ({ chromium } = await import("@playwright/test"));
  } catch {
    return { skipped: "@playwright/test is not installed" };
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const i = pair.indexOf("=");
        return { name: pair.slice(0, i), value: pair.slice(i + 1), url: base };
      }),
    );
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
    page.on("response", (res) => res.status() >= 400 && problems.push(`${res.status()} ${res.url()}`));
    const bodies = new Map();
    page.on("response", (res) => {
      if (res.request().resourceType() !== "script" || bodies.has(res.url())) return;
      bodies.set(
        res.url(),
        res.body().then(gzipBytes, () => 0),
      );
    });
    const total = async () => (await Promise.all(bodies.values())).reduce((a, b) => a + b, 0);
    /** Every script so far with its gzip size (for the tables of the largest). */
    const scripts = async () =>
      Promise.all([...bodies].map(async ([url, size]) => ({ url, gzip: await size, markers: [] })));

    await page.goto(`${base}/docs/${slug}`, { waitUntil: "networkidle" });
    // The live channel joins after hydration, for readers too (its code is then part of reading in Chromium).
    const live = await page
      .locator('[data-testid="doc-presence"][data-live="synced"]')
      .waitFor({ timeout: 60_000 })
      .then(
        () => true,
        () => false,
      );
    await page.waitForLoadState("networkidle");
    const reading = { bytes: await total(), files: bodies.size, live, chunks: await scripts() };
    const how = await openEditor(page);
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    const liveEditor = (await page.locator(".section-editor[data-live]").count()) > 0;
    const editing = { bytes: await total(), files: bodies.size, live: liveEditor, chunks: await scripts() };
    if (!how) {
      const shot = path.join(outDir, "editing-failed.png");
      await page.screenshot({ path: shot, fullPage: false }).catch(() => {});
      const why = problems.length ? `; page errors: ${problems.slice(0, 3).join(" | ").slice(0, 300)}` : "";
      return {
        reading,
        skipped:
          "no editor opened after clicking into the first section or its Edit button " +
          `(screenshot: ${path.relative(ROOT, shot)})${why}`,
      };
    }
    log(`editing: editor opened by ${how}`);
    return { reading, editing, how };
  } finally {
    await browser.close();
  }
}

/** Try what a user would do: click into a section's text, then an "Edit" button. Returns how it opened, or null. */
async function openEditor(page) {
  const attempts = [
    ["clicking the section text", page.locator(".ProseMirror:not([contenteditable]), .doc-content").first()],
    ["an Edit button", page.getByRole("button", { name: /^edit\b/i }).first()],
  ];
  for (const [how, target] of attempts) {
    if (!(await target.count())) continue;
    // Near the top-left corner: the middle of a section may be a link, which opens as a link.
    await target.click({ position: { x: 4, y: 4 } }).catch(() => {});
    const opened = await page
      .locator(EDITOR)
      .first()
      .waitFor({ state: "visible", timeout: 8_000 })
      .then(
        () => true,
        () => false,
      );
    if (opened) return how;
  }
  return null;
}

export function jsTable(rows, editing) {
  const out = rows.map((r) => [
    r.name,
    `\`${r.path.replace(/\/docs\/.*/, "/docs/<slug>").replace(/\/w\/.*/, "/w/<workspace>")}\``,
    r.files,
    kb(r.jsGzip),
    kb(r.cssGzip),
    kb(r.htmlGzip),
  ]);
  if (editing?.reading)
    out.push([
      `doc page in Chromium, before editing (${editing.reading.live ? "live channel joined" : "no live channel"})`,
      "all script responses",
      editing.reading.files,
      kb(editing.reading.bytes),
      "",
      "",
    ]);
  if (editing?.editing && !editing.skipped)
    out.push([
      `doc page in Chromium, editing (${editing.how}; ${editing.editing.live ? "live editor" : "saving editor"})`,
      "all script responses",
      editing.editing.files,
      kb(editing.editing.bytes),
      "",
      "",
    ]);
  return table(["page", "path", "JS files", "JS gzip KB", "CSS gzip KB", "HTML gzip KB"], out);
}

/** The biggest script files of a page, with the libraries recognised in each. */
export function chunkTable(row, top = 8) {
  const sorted = [...row.chunks].sort((a, b) => b.gzip - a.gzip).slice(0, top);
  return table(
    ["file", "gzip KB", "recognised inside"],
    sorted.map((c) => [`\`${c.url.replace(/^.*\//, "")}\``, kb(c.gzip), c.markers.join(", ") || "app code / other"]),
  );
}
