import { expect, test } from "@playwright/test";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { shot, takeScreens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

test("Print / Save as PDF prints the doc with its stamps and without app chrome", async ({ page }) => {
  await signUp(page, newUser("printer"));
  const { docId } = await createDoc(page, "Printable plan");
  await putSection(page, docId!, "architecture", 1, paragraphs("Three tiers behind a load balancer."));
  await page.reload();
  await page.evaluate(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => {
      (window as unknown as { __printed: number }).__printed += 1;
    };
  });
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Print / Save as PDF" }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { name: "Printable plan", level: 1 })).toBeVisible();
  await expect(page.locator("#architecture")).toContainText("Three tiers behind a load balancer.");
  await expect(page.getByTestId("doc-footer")).toContainText(/Last Updated: \d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("button", { name: "More" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
  await expect(page.getByRole("button", { name: /Comment on section/ }).first()).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 900 });
  // One column across the page: the sections use the width the hidden outline left.
  expect((await page.locator("main").boundingBox())!.width).toBeGreaterThan(900);
  for (const width of takeScreens ? [1280, 390] : []) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `test-results/export-print-${width}.png`, { fullPage: true });
  }
});
