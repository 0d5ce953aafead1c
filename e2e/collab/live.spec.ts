import { expect, test } from "@playwright/test";
import { ownerAndMember, startEditing } from "../fixtures/collab";
import { createDoc } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

test("two people type into the same paragraph at once: both texts in both pages, and after a reload", async ({
  browser,
}) => {
  const { owner, ownerUser, page, other, close } = await ownerAndMember(browser, "MEMBER", "Live paragraph");
  const a = await startEditing(owner, "Design Overview");
  await owner.keyboard.type("Alpha writes here.");
  const b = await startEditing(page, "Design Overview");
  await expect(b).toContainText("Alpha writes here.");
  // Same paragraph, at the same time: B at its end, A at its start.
  await page.keyboard.press("End");
  await owner.keyboard.press("Home");
  await Promise.all([owner.keyboard.type(" First words."), page.keyboard.type(" Beta adds this.")]);
  for (const editor of [a, b]) {
    await expect(editor).toContainText("First words.");
    await expect(editor).toContainText("Beta adds this.");
  }
  // Each sees the other: the caret with the name, and the avatar by the section and on the doc.
  await expect(owner.getByTestId("remote-caret").filter({ hasText: other.name })).toBeVisible();
  await expect(page.getByTestId("remote-caret").filter({ hasText: ownerUser.name })).toBeVisible();
  await expect(owner.getByTestId("presence-avatar").and(owner.locator(`[data-name="${other.name}"]`))).toBeVisible();
  await expect(owner.getByTestId("section-presence")).toContainText(other.name);
  await screens(owner, "collab-two-editors");

  // Undo is per person: A's undo takes back A's words, never B's.
  await owner.keyboard.press("ControlOrMeta+z");
  await expect(b).toContainText("Beta adds this.");

  await expect(owner.locator("section#design-overview").getByRole("status").first()).toContainText("Saved");
  await page.reload();
  await expect(page.locator("section#design-overview")).toContainText("Beta adds this.");
  await expect(page.locator("section#design-overview")).toContainText("Alpha writes here.");
  await close();
});

test("a reload within a second of typing shows the text just typed", async ({ page }) => {
  await signUp(page, newUser("quick"));
  await createDoc(page, "Quick reload");
  await startEditing(page, "Rollout Plan");
  await page.keyboard.type("Typed right before the reload.");
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.locator("section#rollout-plan")).toContainText("Typed right before the reload.");
});

test("a viewer follows the doc live, read-only: no editor, and the text appears as it is typed", async ({
  browser,
}) => {
  const { owner, page, close } = await ownerAndMember(browser, "VIEWER", "Live for viewers");
  await expect(page.getByTestId("doc-presence")).toHaveAttribute("data-live", "synced");
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await startEditing(owner, "Architecture");
  await owner.keyboard.type("Viewers see this without reloading.");
  await expect(page.locator("section#architecture")).toContainText("Viewers see this without reloading.");
  await expect(page.getByRole("textbox", { name: "Architecture content" })).toHaveCount(0);
  await screens(page, "collab-viewer");
  await close();
});
