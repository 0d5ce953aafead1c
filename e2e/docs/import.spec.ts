import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createDoc } from "../fixtures/docs";
import { takeScreens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

const SHOTS = path.join(import.meta.dirname, "..", "..", "test-results", "screenshots");
const RFC = readFileSync(path.join(import.meta.dirname, "..", "..", "lib", "markdown", "fixtures", "rfc-style.md"));

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByRole("link", { name: "Docs" }).first().click();
  await page.getByRole("button", { name: "Import Markdown" }).click();
  await page
    .getByRole("dialog", { name: "Import a Markdown file" })
    .locator("input[type=file]")
    .setInputFiles({ name, mimeType: "text/markdown", buffer });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/[a-z0-9-]+\?imported=1$/, { timeout: 30_000 });
}

/** The viewport around `selector`, at desktop and phone widths. */
async function shoot(page: Page, name: string, selector: string) {
  if (!takeScreens) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page
      .locator(selector)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an imported design doc reads right: contents, footnotes, front matter and comments", async ({
  page,
  browser,
}) => {
  await signUp(page, newUser("importer"));
  await importFile(page, "0142-tiered-cache.md", RFC);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("RFC 0142: Tiered read cache for section rendering");
  // What the import did, from its record: sections of the doc's own, and the front matter's authors.
  const notice = page.getByText(/became sections of this doc: Introduction, Summary, Motivation/);
  await expect(notice).toBeVisible();
  await expect(page.getByText(/authors Priya Raman, Tomás Ferreira, status “Accepted”/)).toBeVisible();
  const main = page.locator("main");
  // Front matter and HTML comments are not content.
  await expect(main).not.toContainText("created: 2026");
  await expect(main).not.toContainText("Delete this comment");
  await expect(main).not.toContainText("[^bench]");
  await shoot(page, "import-rfc-top", "main");

  // The table of contents works in the page: its links land on sections and on headings inside them.
  await page.locator("#introduction").getByRole("link", { name: "Cache keys" }).click();
  await expect(page).toHaveURL(/#cache-keys$/);
  await expect(page.locator("h3#cache-keys")).toBeInViewport();
  await page.locator("#introduction").getByRole("link", { name: "Drawbacks" }).click();
  await expect(page.locator("section#drawbacks")).toBeInViewport();

  // Footnotes are numbered and linked both ways.
  const ref = page.locator("#summary sup.footnote-ref a");
  await expect(ref).toHaveText("1");
  await ref.click();
  await expect(page.locator("li#fn-1")).toContainText("Measured with bench/doc-page.mjs");
  await expect(page.locator("li#fn-1")).toBeInViewport();

  // <details> is a collapsible block; keys, sub/superscript and relative links keep their meaning.
  const details = page.locator("details.details", { hasText: "Why not Redis?" });
  await expect(details.getByText("A second store to run")).toBeHidden();
  await details.locator("summary").click();
  await expect(details.getByText("A second store to run")).toBeVisible();
  // Opening it reads; it does not start editing the section.
  await expect(page.locator("#reference-level-explanation [contenteditable=true]")).toHaveCount(0);
  // In the doc: the header has a Ctrl key hint of its own (search, issue 16).
  await expect(main.locator("kbd", { hasText: "Ctrl" })).toBeVisible();
  await expect(page.locator(".relative-link", { hasText: "RFC 0139" })).toHaveAttribute("title", /0139-shared-memory/);
  await expect(page.getByText("Image not uploaded yet: cache-tiers.png")).toBeVisible();
  await shoot(page, "import-rfc-summary", "#summary");
  await shoot(page, "import-rfc-details", "#reference-level-explanation");

  // The share view has the same anchors.
  const docId = await page.locator("[data-doc-id]").getAttribute("data-doc-id");
  const link = await page.request.post(`/api/docs/${docId}/share-links`, { data: { role: "view" } });
  const { url } = (await link.json()) as { url: string };
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(url);
  await guest.getByRole("link", { name: "Invalidation", exact: true }).first().click();
  await expect(guest.locator("h3#invalidation")).toBeInViewport();
  await expect(guest.locator("li#fn-1")).toContainText("Measured with");
  await guest.close();
});

test("editors add, rename, move and remove a section of the doc's own", async ({ page }) => {
  await signUp(page, newUser("sections"));
  await createDoc(page, "Extra sections");
  const outline = page.getByTestId("outline").first();
  const lastTitles = async () => (await outline.locator("li .truncate").allInnerTexts()).map((t) => t.trim());

  await page.getByRole("button", { name: "Add a section" }).click();
  await page.getByLabel("New section title").fill("Rollout notes");
  await page.getByRole("button", { name: "Add section" }).click();
  await expect(page.getByRole("heading", { name: "Rollout notes", level: 2 })).toBeVisible();
  expect((await lastTitles()).at(-1)).toBe("Rollout notes");

  await page.getByRole("button", { name: "Rename section Rollout notes" }).click();
  await page.getByLabel("Section title").fill("Rollout");
  await page.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Rollout", level: 2, exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Move up section Rollout" }).click();
  await expect.poll(async () => (await lastTitles()).slice(-2)).toEqual(["Rollout", expect.any(String)]);
  // A renamed section keeps its key, so links to it keep working.
  await page.locator("#rollout-notes").hover();
  await shoot(page, "extra-section", "#rollout-notes");

  // Durable: after a reload the section is still there, renamed and moved.
  await page.reload();
  expect((await lastTitles()).slice(-2)[0]).toBe("Rollout");

  await page.getByRole("button", { name: "Remove section Rollout" }).click();
  await page.getByRole("button", { name: "Remove section", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Rollout", level: 2, exact: true })).toHaveCount(0);
  await page.reload();
  expect(await lastTitles()).not.toContain("Rollout");
});
