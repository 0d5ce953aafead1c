import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { screens } from "../fixtures/screens";
import { newUser, signIn, signOut, signUp, signUpByEmail } from "../fixtures/users";

test("sign up lands in a new workspace of one's own", async ({ page }) => {
  const user = newUser("ada");
  await signUpByEmail(page, user);
  await expect(page.getByRole("heading", { name: "Design docs", level: 1 })).toBeVisible();
  await expect(page.getByText(`Welcome, ${user.name}!`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Switch workspace" })).toContainText(
    `${user.name.split(" ")[0]}'s workspace`,
  );
});

test("after sign-out a protected page redirects to sign-in, and back after signing in", async ({ page }) => {
  const user = newUser("grace");
  await signUp(page, user);
  const home = new URL(page.url()).pathname;
  await signOut(page);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto(`${home}/settings`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(page, user, { stay: true });
  await expect(page).toHaveURL(new RegExp(`${home}/settings$`));
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
});

test("a wrong password shows one message and keeps the email", async ({ page }) => {
  const user = newUser("linus");
  await signUp(page, user);
  await signOut(page);
  await signIn(page, { email: user.email, password: "not the password" });
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  // An unknown address gets exactly the same message.
  await signIn(page, { email: `nobody-${Date.now()}@example.test`, password: "whatever1" });
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
});

test("sign-up explains what is wrong with each field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Short Password");
});

test("sign out everywhere ends other sessions on their next request", async ({ browser }) => {
  const user = newUser("hopper");
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signUp(a, user);
  await signIn(b, user);
  await expect(b).toHaveURL(/\/w\//);
  await a.goto(`${new URL(a.url()).pathname}/settings`);
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a).toHaveURL(/signedOut=everywhere/);
  await b.reload();
  await expect(b).toHaveURL(/\/sign-in/);
  await first.close();
  await second.close();
});

test("unknown routes show the 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await screens(page, "not-found");
  // A plain link (no client router on this page): it still takes the person home.
  await page.getByRole("link", { name: "Go to Design Review" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Page not found" })).toHaveCount(0);
});

test("axe finds no serious violations on the landing, sign-in and home pages", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${path}: ${v.id}`),
    ).toEqual([]);
  }
  await signUp(page, newUser("axe"));
  for (const suffix of ["", "/settings"]) {
    await page.goto(`${new URL(page.url()).pathname.replace(/\/settings$/, "")}${suffix}`);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${suffix || "home"}: ${v.id}`),
    ).toEqual([]);
  }
});
