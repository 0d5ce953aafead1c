import { expect, test } from "@playwright/test";
import { newUser, signUp, signUpByEmail } from "../fixtures/users";

test("an owner invites a teammate who signs up from the link and sees the workspace", async ({ browser }) => {
  const owner = newUser("owner");
  const mate = newUser("mate");
  const ownerCtx = await browser.newContext();
  const page = await ownerCtx.newPage();
  await signUp(page, owner);
  const workspaceName = `${owner.name.split(" ")[0]}'s workspace`;
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Email address").fill(mate.email);
  await page.getByLabel("Role", { exact: true }).selectOption("MEMBER");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation emailed to ${mate.email}`)).toBeVisible();
  const link = (await page.getByTestId("invite-link").textContent())!.trim();
  await expect(page.getByText("Pending invitations")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: mate.email })).toBeVisible();

  const mateCtx = await browser.newContext();
  const matePage = await mateCtx.newPage();
  await matePage.goto(link);
  await expect(matePage.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await matePage.getByRole("link", { name: "Create an account to join" }).click();
  await expect(matePage).toHaveURL(/\/sign-up\?invitation=/);
  await expect(matePage.getByText(`invited you to ${workspaceName}`)).toBeVisible();
  await expect(matePage.getByLabel("Work email")).toHaveValue(mate.email);
  await signUpByEmail(matePage, mate, matePage.url());
  await expect(matePage.getByRole("button", { name: "Switch workspace" })).toContainText(workspaceName);

  // The link works once.
  await matePage.goto(link);
  await expect(matePage.getByText("This invitation has already been used.")).toBeVisible();

  // The owner sees the new member.
  await page.reload();
  await expect(page.getByTestId("member-row").filter({ hasText: mate.email })).toBeVisible();
  await ownerCtx.close();
  await mateCtx.close();
});

test("the last owner cannot remove themselves", async ({ page }) => {
  await signUp(page, newUser("solo"));
  await page.getByRole("link", { name: "Settings" }).click();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Leave this workspace" }).click();
  await expect(page.getByText("The last owner cannot be removed.", { exact: false })).toBeVisible();
});
