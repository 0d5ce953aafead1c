import { expect, test, type BrowserContext } from "@playwright/test";
import { newUser, signIn, signOut, signUp } from "../fixtures/users";

const sessionCookie = async (context: BrowserContext) =>
  (await context.cookies()).find((c) => /authjs\.session-token$/.test(c.name))!;

// Issue 13: after signing out, the old cookie still worked for up to 30 days.
test("sign-out ends the session on the server: a copy of the old cookie opens nothing", async ({ browser }) => {
  const user = newUser("leaver");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, user);
  const home = new URL(page.url()).pathname;
  const stolen = await sessionCookie(context);
  expect((await page.request.get("/api/docs")).status()).toBe(200);
  await signOut(page);

  const thief = await browser.newContext();
  await thief.addCookies([stolen]);
  expect((await thief.request.get("/api/docs")).status()).toBe(401);
  const visit = await thief.newPage();
  await visit.goto(home);
  await expect(visit).toHaveURL(/\/sign-in/);
  // Auth.js's own endpoint agrees, and issues no fresh cookie.
  const session = await thief.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
  expect(session.headers()["set-cookie"] ?? "").not.toMatch(/authjs\.session-token=[^;]{20,}/);
});

// Issue 13: after "sign out everywhere", /api/auth/session still returned the user and a fresh cookie.
test("after 'sign out everywhere', /api/auth/session on another device says signed out", async ({ browser }) => {
  const user = newUser("everywhere");
  const a = await (await browser.newContext()).newPage();
  const second = await browser.newContext();
  const b = await second.newPage();
  await signUp(a, user);
  await signIn(b, user);
  await expect(b).toHaveURL(/\/w\//);
  expect((await b.request.get("/api/auth/session")).ok()).toBe(true);
  expect(await (await b.request.get("/api/auth/session")).json()).toMatchObject({ user: { email: user.email } });
  await a.goto(`${new URL(a.url()).pathname}/settings`);
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a).toHaveURL(/signedOut=everywhere/);
  expect(await (await b.request.get("/api/auth/session")).json()).toBeNull();
  expect((await b.request.get("/api/docs")).status()).toBe(401);
});

// Issue 13: callbackUrl=/%09/evil.example/ passed the safe-redirect check.
test("callbackUrl never leaves the site, however a browser would read it, and control characters are no 500", async ({
  page,
}) => {
  const user = newUser("redirect");
  await signUp(page, user);
  const own = new URL(page.url()).origin;
  for (const callback of ["/%09/evil.example/", "/%5C/evil.example/", "/%09%5C%5Cevil.example", "%0A//evil.example"]) {
    const response = await page.goto(`/sign-in?callbackUrl=${callback}`);
    expect(new URL(page.url()).origin, callback).toBe(own);
    expect(response?.status()).toBeLessThan(500);
  }
  await signOut(page);
  await page.goto("/sign-in?callbackUrl=/%09/evil.example/");
  await signIn(page, user, { stay: true });
  await expect(page).toHaveURL(/\/w\//);
  expect(new URL(page.url()).origin).toBe(own);
  // A control character is at worst a path that does not exist here (404), never a server error.
  for (const callback of ["%00", "/%01%7F", "%ED%A0%80", "/%E2%80%AE"]) {
    const response = await page.goto(`/sign-in?callbackUrl=${callback}`);
    expect(response?.status(), callback).toBeLessThan(500);
    expect(new URL(page.url()).origin).toBe(own);
  }
});
