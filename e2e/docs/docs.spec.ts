import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createDoc, createDocThroughForm, paragraphs, putSection } from "../fixtures/docs";
import { newUser, signUp } from "../fixtures/users";
import { ARCHITECTURE_SECTION_TITLES } from "../../lib/testing/template-titles";

test("a doc from the built-in template has every section, guidance, anchors and an outline", async ({ page }) => {
  await signUp(page, newUser("author"));
  await createDocThroughForm(page, "Payments service v2");
  await expect(page.getByRole("heading", { name: "Payments service v2", level: 1 })).toBeVisible();
  for (const title of ARCHITECTURE_SECTION_TITLES)
    await expect(page.getByRole("heading", { name: title, level: 2 })).toBeVisible();
  await expect(page.getByText("High-level approach to solving this", { exact: false }).first()).toBeVisible();
  const outline = page.getByRole("navigation", { name: "Sections" }).last();
  await expect(outline.getByText("0/14 written")).toBeVisible();
  await outline.getByRole("link", { name: /Data Model/ }).click();
  await expect(page).toHaveURL(/#data-model$/);
  await expect(page.getByTestId("doc-footer")).toContainText(/Last Updated: \d{4}-\d{2}-\d{2} by Author/);
});

test("a script in the title or content is shown as text, never run", async ({ page }) => {
  await signUp(page, newUser("mallory"));
  const payload = `<img src=x onerror="window.__xss=1">`;
  const { docId } = await createDoc(page, `Attack ${payload}`);
  expect(docId).toBeTruthy();
  const saved = await putSection(
    page,
    docId!,
    "architecture",
    1,
    paragraphs(`<script>window.__xss=2</script>`, payload),
  );
  expect(saved.status).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { name: `Attack ${payload}`, level: 1 })).toBeVisible();
  await expect(page.getByText("<script>window.__xss=2</script>")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("main img").count()).toBe(0);
});

test("the API refuses bad content with 422 and stale versions with 409, keeping what is stored", async ({ page }) => {
  await signUp(page, newUser("api"));
  const { docId } = await createDoc(page, "API checks");
  expect((await putSection(page, docId!, "data-model", 1, paragraphs("kept"))).status).toBe(200);
  const invalid = await putSection(page, docId!, "data-model", 2, {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
      },
    ],
  });
  expect(invalid.status).toBe(422);
  expect(invalid.body.error.message).toMatch(/link/i);
  const stale = await putSection(page, docId!, "data-model", 1, paragraphs("overwrite?"));
  expect(stale.status).toBe(409);
  expect(stale.body.error.data.current.html).toBe("<p>kept</p>");
  await page.reload();
  await expect(page.locator("#data-model")).toContainText("kept");
});

test("Markdown export then import round-trips the section texts", async ({ page }) => {
  await signUp(page, newUser("md"));
  const { docId } = await createDoc(page, "Round trip");
  await putSection(page, docId!, "architecture", 1, paragraphs("Three tiers behind a load balancer."));
  await putSection(page, docId!, "rollout-plan", 1, paragraphs("Phase 1: dark launch."));
  await page.reload();
  await page.getByRole("button", { name: "More" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Export as Markdown" }).click();
  const file = await (await download).path();
  const markdown = readFileSync(file!, "utf8");
  expect(markdown).toContain("## Architecture\n\nThree tiers behind a load balancer.");
  expect(markdown).toContain("**Last Updated:**");

  await page.getByRole("link", { name: "Docs" }).first().click();
  await page.getByRole("button", { name: "Import Markdown" }).click();
  await page
    .getByRole("dialog", { name: "Import a Markdown file" })
    .locator("input[type=file]")
    .setInputFiles({
      name: "round-trip.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(markdown.replace("# Round trip", "# Round trip copy")),
    });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Every heading matched a template section.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Round trip copy", level: 1 })).toBeVisible();
  await expect(page.locator("#architecture")).toContainText("Three tiers behind a load balancer.");
  await expect(page.locator("#rollout-plan")).toContainText("Phase 1: dark launch.");
});

test("search finds a doc by the text of a section and links to that section", async ({ page }) => {
  await signUp(page, newUser("finder"));
  const { docId } = await createDoc(page, "Ledger");
  await putSection(page, docId!, "data-model", 1, paragraphs("Balances are stored as integer cents."));
  await createDoc(page, "Unrelated");
  await page.getByRole("link", { name: "Docs" }).first().click();
  await page.getByLabel("Search docs").fill("cents");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  const list = page.getByTestId("doc-list");
  await expect(list.getByRole("link")).toHaveCount(1);
  await expect(list).toContainText("Data Model:");
  await list.getByRole("link", { name: "Ledger" }).click();
  await expect(page).toHaveURL(/#data-model$/);
});
