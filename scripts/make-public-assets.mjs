#!/usr/bin/env node
// Draws the PNGs in public/ (app icons for the web app manifest, the landing page's Open Graph image) with Chromium,
// from the same mark as app/icon.svg. Run it after changing the brand: `node scripts/make-public-assets.mjs`.
import path from "node:path";
import { chromium } from "@playwright/test";
import { ROOT } from "./lib/postgres.mjs";
import { findChromium } from "./lib/test-env.mjs";

const BRAND = "#2f5bd3";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
/** The app mark: "DR" on the brand colour. `safe` shrinks it into the maskable icon's safe zone. */
const mark = (size, { safe = false, radius = 0.22 } = {}) => `
  <div style="width:${size}px;height:${size}px;background:${BRAND};border-radius:${safe ? 0 : size * radius}px;
    display:grid;place-items:center;color:#fff;font:700 ${size * (safe ? 0.3 : 0.42)}px/1 ${FONT}">DR</div>`;

const og = `
  <div style="width:1200px;height:630px;box-sizing:border-box;padding:80px 88px;background:#fff;
    display:flex;flex-direction:column;justify-content:space-between;font-family:${FONT};color:#0f172a;
    border-bottom:16px solid ${BRAND}">
    <div style="display:flex;align-items:center;gap:20px;font-weight:600;font-size:40px">
      ${mark(72, { radius: 0.2 })}<span>Design Review</span></div>
    <div>
      <div style="font-size:28px;font-weight:500;color:#2449b0">Architecture design docs, reviewed and signed off</div>
      <div style="margin-top:18px;font-size:50px;font-weight:650;line-height:1.12;letter-spacing:-0.01em">
        Write the design. Get it reviewed.<br>Know exactly what was approved.</div>
    </div>
  </div>`;

const outputs = [
  { file: "icon-192.png", size: [192, 192], html: mark(192, { radius: 0 }) },
  { file: "icon-512.png", size: [512, 512], html: mark(512, { radius: 0 }) },
  { file: "icon-maskable-512.png", size: [512, 512], html: mark(512, { safe: true }) },
  { file: "apple-touch-icon.png", size: [180, 180], html: mark(180, { radius: 0 }) },
  { file: "og.png", size: [1200, 630], html: og },
];

const browser = await chromium.launch({ executablePath: (await findChromium()) ?? undefined, args: ["--no-sandbox"] });
try {
  for (const { file, size, html } of outputs) {
    const page = await browser.newPage({ viewport: { width: size[0], height: size[1] } });
    await page.setContent(`<!doctype html><body style="margin:0">${html}</body>`);
    await page.screenshot({ path: path.join(ROOT, "public", file), omitBackground: false });
    await page.close();
    console.log(`public/${file} ${size.join("×")}`);
  }
} finally {
  await browser.close();
}
