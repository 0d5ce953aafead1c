import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { newUser, signUp, type TestUser } from "../fixtures/users";

const SECRET_TEXT = "Idempotency keys guard every charge";

async function ownerWithDoc(browser: Browser, title: string) {
  const owner = newUser("owner");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, owner);
  const { docId, url } = await createDoc(page, title);
  expect((await putSection(page, docId!, "design-overview", 1, paragraphs(SECRET_TEXT))).status).toBe(200);
  await page.goto(url);
  return { owner, page, docId: docId!, close: () => context.close() };
}

/** A visitor with no session at all: a fresh browser context. */
async function visitor(browser: Browser) {
  const context = await browser.newContext();
  return { page: await context.newPage(), close: () => context.close() };
}

async function createLinkByApi(page: Page, docId: string, body: Record<string, unknown>) {
  const response = await page.request.post(`/api/docs/${docId}/share-links`, { data: body });
  expect(response.status()).toBe(201);
  return (await response.json()) as { url: string; token: string; link: { id: string } };
}

async function expectNotFoundPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
}

async function expectReadOnlyShare(page: Page, title: string, owner: TestUser) {
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(SECRET_TEXT)).toBeVisible();
  await expect(page.getByTestId("doc-footer")).toContainText("Last Updated:");
  // Read-only and nothing else of the workspace: no editor, no navigation, no emails.
  await expect(page.locator("[contenteditable=true]")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /edit|share|request review/i })).toHaveCount(0);
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.locator('a[href^="/w/"], a[href^="/docs/"], a[href="/"]')).toHaveCount(0);
  expect(await page.content()).not.toContain(owner.email);
}

test("share: a link opens the doc read-only for a logged-out visitor, and revoking it makes it a 404", async ({
  browser,
}) => {
  const title = `Shared payments ${Date.now().toString(36)}`;
  const { owner, page, close } = await ownerWithDoc(browser, title);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Doc link")).toHaveValue(page.url());
  await dialog.getByLabel("Label (optional)").fill("Acme security review");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByText("this link will not be shown again")).toBeVisible();
  const url = await dialog.getByLabel("New share link").inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByTestId("share-link-row").filter({ hasText: "Acme security review" })).toContainText(
    "Not opened yet",
  );

  const guest = await visitor(browser);
  const response = await guest.page.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  await expectReadOnlyShare(guest.page, title, owner);

  // The owner sees the use, then revokes: the same URL is the app's 404 at once.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const row = dialog.getByTestId("share-link-row").filter({ hasText: "Acme security review" });
  await expect(row).toContainText("Opened 1 time");
  await row.getByRole("button", { name: "Revoke Acme security review" }).click();
  await expect(row).toContainText("Revoked");
  await expectNotFoundPage(guest.page, new URL(url).pathname);
  await guest.close();
  await close();
});

test("share: a password-protected link asks for the password, refuses a wrong one and remembers the right one", async ({
  browser,
}) => {
  const title = `Locked design ${Date.now().toString(36)}`;
  const { owner, page, docId, close } = await ownerWithDoc(browser, title);
  const { url } = await createLinkByApi(page, docId, { role: "view", password: "open sesame 42", expiresInDays: 7 });

  const guest = await visitor(browser);
  await guest.page.goto(url);
  await expect(guest.page.getByRole("heading", { name: "This doc is password-protected" })).toBeVisible();
  await expect(guest.page.getByText(SECRET_TEXT)).toHaveCount(0);
  await guest.page.getByLabel("Password").fill("open sesame 41");
  await guest.page.getByRole("button", { name: "Open doc" }).click();
  await expect(guest.page.getByText("That password is not right.")).toBeVisible();
  await guest.page.getByLabel("Password").fill("open sesame 42");
  await guest.page.getByRole("button", { name: "Open doc" }).click();
  await expectReadOnlyShare(guest.page, title, owner);
  // The signed cookie is HttpOnly and scoped to this link's path.
  const cookie = (await guest.page.context().cookies()).find((c) => c.name === "dr-share-unlock");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: new URL(url).pathname });
  await guest.page.reload();
  await expect(guest.page.getByText(SECRET_TEXT)).toBeVisible();
  await guest.close();
  await close();
});

test("share: an expired link is the same 404 as an unknown one", async ({ browser }) => {
  const { page, docId, close } = await ownerWithDoc(browser, `Expiring ${Date.now().toString(36)}`);
  const { url, link } = await createLinkByApi(page, docId, { role: "comment", expiresInDays: 1 });
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [link.id]);
  await client.end();

  const guest = await visitor(browser);
  await expectNotFoundPage(guest.page, new URL(url).pathname);
  const expiredText = await guest.page.locator("main").innerText();
  await expectNotFoundPage(guest.page, `/s/${"A".repeat(43)}`);
  expect(await guest.page.locator("main").innerText()).toBe(expiredText);
  await guest.close();
  await close();
});

test("share: security headers on doc pages, shared pages, API answers and 404s", async ({ browser }) => {
  const { page, docId, close } = await ownerWithDoc(browser, `Headers ${Date.now().toString(36)}`);
  const { url } = await createLinkByApi(page, docId, { role: "view" });
  const guest = await visitor(browser);
  const answers = {
    doc: await page.request.get(page.url()),
    api: await page.request.get(`/api/docs/${docId}`),
    shared: await guest.page.request.get(url),
    missing: await guest.page.request.get("/no/such/page"),
    missingShare: await guest.page.request.get(`/s/${"B".repeat(43)}`),
  };
  for (const [name, response] of Object.entries(answers)) {
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, name).toContain("frame-ancestors 'none'");
    expect(csp, name).not.toContain("unsafe-eval");
    expect(csp, name).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["x-content-type-options"], name).toBe("nosniff");
  }
  expect(answers.shared.headers()["referrer-policy"]).toBe("no-referrer");
  expect(answers.missingShare.headers()["x-robots-tag"]).toContain("noindex");
  // Every script of the 404 page carries the response's nonce (it is rendered per request).
  const nonce = /'nonce-([^']+)'/.exec(answers.missing.headers()["content-security-policy"]!)![1];
  const scripts = [...(await answers.missing.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  await guest.close();
  await close();
});

test("share: the Share button opens its dialog when its code arrives between the press and the release", async ({
  browser,
}) => {
  const { page, close } = await ownerWithDoc(browser, "Pressed while loading");
  // The button stands in for the dialog's code, fetched on hover. Pressed, held until that code has swapped the real
  // trigger in under the pointer, then released: the browser sends the click to neither button.
  const share = page.getByRole("button", { name: "Share", exact: true });
  await expect(share).toBeEnabled();
  await expect(share).not.toHaveAttribute("aria-expanded");
  const box = (await share.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // The real trigger (Radix's, with a data-state); once a dialog is open the page behind it is hidden from roles.
  await expect(page.locator("button[data-state]").filter({ hasText: /^\s*Share\s*$/ })).toHaveCount(1);
  await page.mouse.up();
  await expect(page.getByRole("dialog", { name: /share/i })).toBeVisible();
  await close();
});
