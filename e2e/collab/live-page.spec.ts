import { expect, test, type Page } from "@playwright/test";
import { ownerAndMember, startEditing } from "../fixtures/collab";
import { selectText } from "../fixtures/docs";
import { screens } from "../fixtures/screens";

// Everything on the doc page follows what others do, with no reload anywhere in these tests.
const panel = (page: Page) => page.locator('[data-testid="review-panel"]:visible');
const reviewerRow = (page: Page, name: string) => panel(page).getByTestId("reviewer-row").filter({ hasText: name });
const thread = (page: Page, text: string) => page.locator('[data-testid="thread"]:visible').filter({ hasText: text });
const saved = (page: Page, key: string) => page.locator(`section#${key}`).getByRole("status").first();

test("the doc page is live: review request, badge, sign-off, an approval going stale on both pages, comments", async ({
  browser,
}) => {
  const { owner: a, page: r, other: reviewer, close } = await ownerAndMember(browser, "MEMBER", "Live review");
  await expect(r.getByTestId("doc-presence")).toHaveAttribute("data-live", "synced");
  const outline = r.locator('nav[aria-label="Sections"]:visible');
  await expect(outline.locator('a[href="#design-overview"]')).toHaveAttribute("data-empty", "true");
  const writtenBefore = (await outline.getByText(/\d+\/\d+ written/).textContent())!;

  // The author writes live; the reviewer's outline counter and stamps follow.
  await startEditing(a, "Design Overview");
  await a.keyboard.type("Requests are limited per key.");
  await expect(saved(a, "design-overview")).toContainText("Saved");
  await expect(outline.locator('a[href="#design-overview"]')).not.toHaveAttribute("data-empty");
  await expect(outline.getByText(/\d+\/\d+ written/)).not.toHaveText(writtenBefore);
  await expect(r.locator("section#design-overview")).toContainText("Requests are limited per key.");

  // A review request: the reviewer's badge and panel change where they are.
  await panel(a).getByRole("button", { name: "Request review" }).click();
  const dialog = a.getByRole("dialog", { name: "Request review" });
  await dialog.getByRole("checkbox", { name: reviewer.name }).check();
  await dialog.getByRole("button", { name: "Request review" }).click();
  await expect(r.getByRole("link", { name: /Inbox, 1 unread/ })).toBeVisible();
  await expect(reviewerRow(r, reviewer.name)).toContainText("Pending");

  // The reviewer approves: the author's page shows the sign-off.
  await panel(r)
    .getByRole("radio", { name: /^Approve/ })
    .check();
  await panel(r).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(a.getByTestId("signoff-banner")).toContainText(`Signed off by ${reviewer.name}`);
  await expect(reviewerRow(a, reviewer.name)).toContainText("Approved");

  // The author keeps typing: the approval is stale on both pages, with the change shown to the reviewer.
  await a.locator("section#design-overview .ProseMirror").click();
  await a.keyboard.press("ControlOrMeta+End");
  await a.keyboard.type(" Bursts get twice the rate.");
  for (const page of [a, r]) {
    await expect(reviewerRow(page, reviewer.name).getByText("Stale approval")).toBeVisible();
    await expect(page.getByTestId("signoff-banner")).toBeHidden();
  }
  await expect(panel(r).getByTestId("stale-diff").locator("ins")).toContainText("Bursts get twice the rate.");
  await screens(r, "collab-live-stale");

  // The author goes on; the reviewer, reading along live, approves what they read — its revision came with the store
  // (the page's data is fetched again only every few seconds while someone types), so no "changed since you read it".
  await a.keyboard.type(" Limits reset hourly.");
  await expect(saved(a, "design-overview")).toContainText("Saved");
  await expect(r.locator("section#design-overview")).toContainText("Limits reset hourly.");
  await panel(r)
    .getByRole("radio", { name: /^Approve/ })
    .check();
  await panel(r).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(a.getByTestId("signoff-banner")).toContainText(`Signed off by ${reviewer.name}`);
  await expect(panel(r).getByText(/changed since you read it/)).toHaveCount(0);

  // A comment on the reviewer's page appears on the author's; resolving it there shows on the reviewer's.
  await selectText(r, "design-overview", "limited per key");
  await r.getByRole("button", { name: "Comment", exact: true }).click();
  const composer = r.getByRole("dialog", { name: "New comment" });
  await composer.getByRole("textbox", { name: "Comment" }).click();
  await r.keyboard.type("Per key or per account?");
  await composer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(thread(a, "Per key or per account?")).toBeVisible();
  await screens(a, "collab-live-comment");
  await thread(a, "Per key or per account?").getByRole("button", { name: "Resolve" }).click();
  await expect(thread(r, "Per key or per account?")).toHaveCount(0);
  await close();
});

test("a share-link guest sees the doc change live, read-only; revoked, the page says so and offers no comment", async ({
  browser,
}) => {
  const { owner, docId, close } = await ownerAndMember(browser, "VIEWER", "Live for guests");
  const response = await owner.request.post(`/api/docs/${docId}/share-links`, { data: { role: "comment" } });
  expect(response.status()).toBe(201);
  const { url, link } = (await response.json()) as { url: string; link: { id: string } };
  const guestCtx = await browser.newContext();
  const guest = await guestCtx.newPage();
  await guest.goto(url);
  await expect(guest.getByTestId("doc-presence")).toHaveAttribute("data-live", "synced");
  await startEditing(owner, "Architecture");
  await owner.keyboard.type("Guests read this as it is typed.");
  await expect(guest.locator("section#architecture")).toContainText("Guests read this as it is typed.");
  await expect(guest.locator("[contenteditable=true]")).toHaveCount(0);
  await expect(guest.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await screens(guest, "collab-live-guest");

  const comment = guest.getByRole("button", { name: "Comment on section Architecture" });
  await expect(comment).toBeVisible();
  expect((await owner.request.delete(`/api/docs/${docId}/share-links/${link.id}`)).status()).toBe(200);
  await expect(guest.getByTestId("live-access-message")).toBeVisible();
  await expect(comment).toHaveCount(0);
  await expect(guest.locator("section#architecture")).toContainText("Guests read this as it is typed.");
  await screens(guest, "collab-live-guest-revoked");
  await guestCtx.close();
  await close();
});
