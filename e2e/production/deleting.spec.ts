import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { authorWithTeammate, newUser, signIn, signUp } from "../fixtures/users";

/** A doc with history (two saves), an uploaded image and a live share link, made through the JSON API. */
async function docWithEverything(page: Page, browser: Browser, title: string) {
  const { docId, url } = await createDoc(page, title);
  await putSection(page, docId!, "design-overview", 1, paragraphs("First take."));
  await putSection(page, docId!, "design-overview", 2, paragraphs("Second take."));
  const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: "#2a6" } })
    .png()
    .toBuffer();
  const uploaded = await page.request.post(`/api/docs/${docId}/images`, {
    headers: { "Content-Type": "image/png" },
    data: png,
  });
  expect(uploaded.status()).toBe(201);
  const imageId = (await uploaded.json()).image.id as string;
  const link = await page.request.post(`/api/docs/${docId}/share-links`, { data: { label: "Partner" } });
  expect(link.status()).toBe(201);
  const shareUrl = (await link.json()).url as string;
  const guest = await (await browser.newContext()).newPage();
  expect((await guest.goto(shareUrl))?.status()).toBe(200);
  return { docId: docId!, url, imageId, shareUrl, guest };
}

test("an owner deletes a doc for good from its page: history, image and share link are gone", async ({
  page,
  browser,
}) => {
  await signUp(page, newUser("deleter"));
  const { docId, url, imageId, shareUrl, guest } = await docWithEverything(page, browser, "Doomed design");
  await page.reload();

  await page.getByRole("button", { name: "More" }).click();
  await page.getByRole("menuitem", { name: "Delete for good…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this doc for good?" });
  const confirm = dialog.getByRole("button", { name: "Delete doc for good" });
  await dialog.getByLabel("Type the doc’s title to confirm").fill("Doomed");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type the doc’s title to confirm").fill("Doomed design");
  await expect(confirm).toBeEnabled();
  await screens(page, "delete-doc-dialog", (p) => p.getByRole("dialog"));
  await confirm.click();

  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+\?deleted=1$/);
  await expect(page.getByText("The doc is deleted for good.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Doomed design" })).toHaveCount(0);
  expect((await page.goto(url))?.status()).toBe(404);
  expect((await page.request.get(`/api/docs/${docId}/history`)).status()).toBe(404);
  expect((await page.request.get(`/media/${imageId}`)).status()).toBe(404);
  expect((await guest.goto(shareUrl))?.status()).toBe(404);
});

test("an owner downloads the workspace as one zip with each doc's Markdown, reviews JSON and images", async ({
  page,
  browser,
}) => {
  await signUp(page, newUser("exporter"));
  const { imageId } = await docWithEverything(page, browser, "Exported design");
  await page.getByRole("link", { name: "Settings" }).click();
  const zone = page.getByTestId("danger-zone");
  await expect(zone).toBeVisible();
  await screens(page, "settings-danger-zone", (p) => p.getByTestId("danger-zone"));
  await screens(page, "settings-delete-account", (p) => p.getByTestId("delete-account"));

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    zone.getByRole("link", { name: "Download export (.zip)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
  const doc = manifest.docs.find((d: { title: string }) => d.title === "Exported design");
  expect(new TextDecoder().decode(files[doc.markdown])).toContain("Second take.");
  expect(JSON.parse(new TextDecoder().decode(files[doc.reviews])).document.title).toBe("Exported design");
  expect(files[`images/${imageId}.png`]?.length).toBeGreaterThan(0);
  expect(JSON.parse(new TextDecoder().decode(files["audit.json"])).length).toBeGreaterThan(0);
});

test("an owner deletes a shared workspace; the teammate keeps theirs; then the teammate deletes their account", async ({
  browser,
}) => {
  const { author, mate, a, m } = await authorWithTeammate(browser, "member");
  const { shareUrl, guest } = await docWithEverything(a, browser, "Team design");

  // The only owner of a workspace others are in is asked to hand it over first.
  await a.getByRole("link", { name: "Settings" }).click();
  await a.getByRole("button", { name: "Delete my account…" }).click();
  const account = a.getByRole("dialog", { name: "Delete your account?" });
  await account.getByLabel("Your password").fill(author.password);
  await account.getByRole("button", { name: "Delete my account" }).click();
  await expect(account.getByText(/You are the only owner of .*Make someone else an owner/)).toBeVisible();
  await account.getByRole("button", { name: "Cancel" }).click();

  const workspaceName = (await a.getByLabel("Workspace name").inputValue()).trim();
  await a.getByRole("button", { name: "Delete workspace…" }).click();
  const dialog = a.getByRole("dialog", { name: "Delete this workspace for good?" });
  await expect(dialog).toContainText("its one doc");
  await dialog.getByLabel("Type the workspace’s name to confirm").fill(workspaceName);
  await screens(a, "delete-workspace-dialog", (p) => p.getByRole("dialog"));
  await dialog.getByRole("button", { name: "Delete workspace for good" }).click();
  // The owner lands in a workspace of their own (a new one: the deleted one was their only workspace).
  await expect(a).toHaveURL(/\/w\/[a-z0-9-]+\?workspaceDeleted=1$/);
  await expect(a.getByText("The workspace is deleted for good.")).toBeVisible();
  expect((await guest.goto(shareUrl))?.status()).toBe(404);

  // The teammate still has their own workspace, and deletes their account.
  await m.goto("/");
  await expect(m).toHaveURL(/\/w\/[a-z0-9-]+/);
  await m.getByRole("link", { name: "Settings" }).click();
  await m.getByRole("button", { name: "Delete my account…" }).click();
  const own = m.getByRole("dialog", { name: "Delete your account?" });
  await own.getByLabel("Your password").fill("not my password");
  await own.getByRole("button", { name: "Delete my account" }).click();
  await expect(own.getByText("That is not your password.")).toBeVisible();
  await own.getByLabel("Your password").fill(mate.password);
  await screens(m, "delete-account-dialog", (p) => p.getByRole("dialog"));
  await own.getByRole("button", { name: "Delete my account" }).click();
  await expect(m).toHaveURL(/\/sign-in\?accountDeleted=1$/);
  await expect(m.getByText("Your account is deleted.")).toBeVisible();
  await signIn(m, mate, { stay: true });
  await expect(m.getByText("Email or password is incorrect.")).toBeVisible();
});
