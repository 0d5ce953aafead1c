/**
 * Issue 18, static assets: public/ serves robots.txt (no docs, no share links for crawlers), a web app manifest whose
 * icons exist at the sizes it names, and an Open Graph image for the landing page only: a doc page and a share link
 * carry no preview metadata that could show their title or an image.
 */
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { createDoc } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(response: APIResponse) {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const bytes = await response.body();
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

const previewTags = (page: Page) =>
  page
    .locator('head meta[property^="og:"], head meta[name^="twitter:"]')
    .evaluateAll((els) =>
      els.map((e) => `${e.getAttribute("property") ?? e.getAttribute("name")}=${e.getAttribute("content")}`),
    );

test("robots.txt keeps crawlers out of docs and share links", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = (await robots.text()).split("\n");
  for (const rule of ["User-agent: *", "Disallow: /s/", "Disallow: /docs/", "Disallow: /media/", "Allow: /$"])
    expect(rules).toContain(rule);
});

test("the web app manifest is linked and its icons exist at the sizes it names", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    start_url: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };
  expect(manifest.name).toBe("Design Review");
  expect(manifest.start_url).toBe("/");
  expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(["any", "any", "maskable"]);
  for (const icon of manifest.icons) expect(await pngSize(await request.get(icon.src))).toBe(icon.sizes);
  const apple = await page.locator('head link[rel="apple-touch-icon"]').getAttribute("href");
  expect(await pngSize(await request.get(apple!))).toBe("180x180");
});

test("only the landing page has a link preview: never a doc or a share link", async ({ page, browser, request }) => {
  await page.goto("/");
  const landing = await previewTags(page);
  expect(landing).toContain("og:title=Design Review");
  const image = landing.find((t) => t.startsWith("og:image="))?.slice("og:image=".length) ?? "";
  expect(new URL(image, page.url()).pathname).toBe("/og.png");
  expect(await pngSize(await request.get("/og.png"))).toBe("1200x630");
  await screens(page, "production-landing");

  await signUp(page, newUser("preview"));
  const title = `Secret plan ${Date.now()}`;
  const { docId } = await createDoc(page, title);
  expect(await previewTags(page)).toEqual([]);
  const created = await page.request.post(`/api/docs/${docId}/share-links`, { data: {} });
  expect(created.status()).toBe(201);
  const { url } = (await created.json()) as { url: string };

  const guest = await browser.newContext();
  const shared = await guest.newPage();
  await shared.goto(url);
  await expect(shared.getByRole("heading", { name: title })).toBeVisible();
  expect(await previewTags(shared)).toEqual([]);
  await guest.close();
});
