import { expect, test } from "@playwright/test";
import { linkIn, mailTo } from "../fixtures/mailbox";
import { screens } from "../fixtures/screens";
import { newUser, signOut, signUp } from "../fixtures/users";

// Issue 13: sign-up said "An account with this email already exists".
test("sign-up answers the same for a taken address; its owner is told by email and can still sign in", async ({
  browser,
}) => {
  const owner = newUser("taken");
  const first = await (await browser.newContext()).newPage();
  await signUp(first, owner);
  await signOut(first);

  const page = await (await browser.newContext()).newPage();
  const fresh = newUser("fresh");
  const answers: string[] = [];
  for (const who of [fresh, { ...owner, name: "Mallory Probe" }]) {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(who.name);
    await page.getByLabel("Work email").fill(who.email);
    await page.getByLabel("Password").fill("another password 123");
    await page.getByRole("button", { name: "Create account" }).click();
    const sent = page.getByTestId("sign-up-sent");
    await expect(sent).toBeVisible({ timeout: 30_000 });
    answers.push((await sent.innerText()).replace(who.email, "<address>"));
    if (who === fresh) await screens(page, "sign-up-check-email");
  }
  expect(answers[1]).toBe(answers[0]);
  const note = await mailTo(owner.email, /Someone tried to create a Design Review account/);
  expect(note.body).toContain("You already have one, so nothing was changed.");

  // The free address: the emailed link opens a page whose button creates the account.
  await page.goto(linkIn(await mailTo(fresh.email, /Confirm your email/), /^\/confirm-email\//));
  await expect(page.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
  await screens(page, "sign-up-confirm");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+\?welcome=1/);
  await expect(page.getByText(`Welcome, ${fresh.name}!`)).toBeVisible();
});

test("the sign-up form before and the sign-in form, at both widths", async ({ page }) => {
  await page.goto("/sign-up");
  await screens(page, "sign-up-form");
  await page.goto("/sign-in");
  await screens(page, "sign-in-form");
});
