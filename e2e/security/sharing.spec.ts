import { expect, test } from "@playwright/test";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { linkIn, mailTo } from "../fixtures/mailbox";
import { screens } from "../fixtures/screens";
import { authorWithTeammate, newUser, signUp, signUpByEmail } from "../fixtures/users";

// Issue 13: removed members kept access through share links they created.
test("a teammate's share link stops when they leave the workspace, says so in the dialog, can be taken over", async ({
  browser,
}) => {
  const { mate, a, m } = await authorWithTeammate(browser);
  const { docId, url } = await createDoc(a, "Stopped link doc");
  await putSection(a, docId!, "design-overview", 1, paragraphs("Only for the partner"));
  const created = await m.request.post(`/api/docs/${docId}/share-links`, { data: { label: "Partner review" } });
  expect(created.status()).toBe(201);
  const shareUrl = (await created.json()).url as string;
  const guest = await (await browser.newContext()).newPage();
  expect((await guest.goto(shareUrl))?.status()).toBe(200);

  await a.getByRole("link", { name: "Settings" }).click();
  a.once("dialog", (d) => d.accept());
  await a
    .getByTestId("member-row")
    .filter({ hasText: mate.email })
    .getByRole("button", { name: `Remove ${mate.name}` })
    .click();
  await expect(a.getByTestId("member-row").filter({ hasText: mate.email })).toHaveCount(0);
  expect((await guest.goto(shareUrl))?.status()).toBe(404);

  await a.goto(url);
  await a.getByRole("button", { name: "Share", exact: true }).click();
  const row = a.getByRole("dialog").getByTestId("share-link-row").filter({ hasText: "Partner review" });
  await expect(row.getByText("Stopped", { exact: true })).toBeVisible();
  await expect(row).toContainText(`${mate.name} can no longer share this doc`);
  await screens(a, "share-dialog-stopped-link", (p) => p.getByRole("dialog"));
  await row.getByRole("button", { name: "Take over" }).click();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  expect((await guest.goto(shareUrl))?.status()).toBe(200);
});

// Issue 13: adding a doc member revealed whether an address had an account, and the person's name.
test("sharing a doc with an outside address is an invitation: no name shown, access once accepted", async ({
  browser,
}) => {
  const owner = newUser("owner");
  const page = await (await browser.newContext()).newPage();
  await signUp(page, owner);
  const { docId, url } = await createDoc(page, "Invitation doc");
  await putSection(page, docId!, "design-overview", 1, paragraphs("Shared with a partner"));
  const partner = newUser("partner");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email address").fill(partner.email);
  await dialog.getByLabel("Role").selectOption("REVIEWER");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog.getByText(`Invitation emailed to ${partner.email}`)).toBeVisible();
  await expect(dialog.getByTestId("doc-invitation").filter({ hasText: partner.email })).toContainText("Reviewer");
  await screens(page, "share-dialog-invitation", (p) => p.getByRole("dialog"));

  // The partner signs up from the emailed invitation and lands on the doc.
  const partnerPage = await (await browser.newContext()).newPage();
  await partnerPage.goto(linkIn(await mailTo(partner.email, /shared "Invitation doc"/), /^\/invite\//));
  await expect(partnerPage.getByRole("heading", { name: "Invitation doc" })).toBeVisible();
  await screens(partnerPage, "doc-invitation-page");
  await partnerPage.getByRole("link", { name: "Create an account to open it" }).click();
  await expect(partnerPage).toHaveURL(/\/sign-up\?invitation=/);
  await signUpByEmail(partnerPage, partner, partnerPage.url());
  await expect(partnerPage).toHaveURL(url);
  await expect(partnerPage.getByText("Shared with a partner")).toBeVisible();

  await page.reload();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByRole("dialog").getByText(partner.name)).toBeVisible();
  await expect(page.getByRole("dialog").getByTestId("doc-invitation")).toHaveCount(0);
});
