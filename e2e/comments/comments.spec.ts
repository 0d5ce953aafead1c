import { expect, test, type Page } from "@playwright/test";
import { createDoc, paragraphs, putSection, selectText } from "../fixtures/docs";
import { authorWithTeammate } from "../fixtures/users";

const panel = (page: Page) => page.locator('[data-testid="review-panel"]:visible');
const thread = (page: Page, text: string) => page.locator('[data-testid="thread"]:visible').filter({ hasText: text });

// A reviewer comments on selected text and blocks, the author replies and resolves, the doc is approved only then;
// the mention reaches the inbox; a guest comments through a comment link.
test("review comments: comment on text and blocks, reply, resolve, then approve; mention to inbox; guest link", async ({
  browser,
}) => {
  // The reviewer joins the author's workspace through an invitation.
  const { author, mate: reviewer, a, m: r } = await authorWithTeammate(browser);

  // The author writes the overview and asks for review.
  const { url, docId } = await createDoc(a, "Session cache");
  expect(
    (
      await putSection(
        a,
        docId!,
        "design-overview",
        1,
        paragraphs("We cache every session for one minute. Keys rotate daily."),
      )
    ).status,
  ).toBe(200);
  await a.reload();
  await panel(a).getByRole("button", { name: "Request review" }).click();
  const dialog = a.getByRole("dialog", { name: "Request review" });
  await dialog.getByRole("checkbox", { name: reviewer.name }).check();
  await dialog.getByRole("button", { name: "Request review" }).click();
  await expect(panel(a).getByTestId("reviewer-row").filter({ hasText: reviewer.name })).toContainText("Pending");

  // The reviewer selects words and comments on them, mentioning the author, as a blocking thread.
  await r.goto(url);
  await expect(r.locator('[data-testid="section-threads"][data-section="design-overview"]')).toBeVisible();
  await selectText(r, "design-overview", "one minute");
  await r.getByRole("button", { name: "Comment", exact: true }).click();
  const composer = r.getByRole("dialog", { name: "New comment" });
  await expect(composer).toContainText("On “one minute” in Design Overview");
  const box = composer.getByRole("textbox", { name: "Comment" });
  await box.click();
  await r.keyboard.type("Why only one minute? ");
  await r.keyboard.type(`@${author.name.split(" ")[0]}`);
  await r.getByRole("option", { name: author.name }).click();
  await composer.getByRole("checkbox", { name: /Blocking/ }).check();
  await composer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(composer).toBeHidden();
  const t = thread(r, "Why only one minute?");
  await expect(t).toContainText(`@${author.name}`);
  await expect(t.getByText("Blocking", { exact: true })).toBeVisible();
  // The words carry the thread's mark, highlighted while it is open.
  const anchor = r.locator(
    'section[data-section-key="design-overview"] [data-comment-thread][data-thread-state="open"]',
  );
  await expect(anchor).toHaveText("one minute");

  // Approving does not approve the doc while the blocking thread is open, and the panel says why.
  await panel(r)
    .getByRole("radio", { name: /^Approve/ })
    .check();
  await panel(r).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(panel(r).getByTestId("reviewer-row").filter({ hasText: reviewer.name })).toContainText("Approved");
  await r.reload();
  await expect(panel(r).getByText("In review", { exact: true })).toBeVisible();
  await expect(panel(r).getByTestId("blocking-notice")).toContainText("Blocked by 1 open blocking thread");
  await expect(
    panel(r)
      .getByTestId("blocking-notice")
      .getByRole("link", { name: /“one minute” in Design Overview/ }),
  ).toBeVisible();
  await expect(r.getByTestId("signoff-banner")).toBeHidden();

  // The mention reached the author's inbox; it leads to the doc.
  await a.goto("/inbox");
  await a.getByRole("link", { name: `${reviewer.name} mentioned you in a comment on “Session cache”` }).click();
  await expect(a).toHaveURL(url);

  // Clicking the thread highlights its words; the author replies and resolves.
  const at = thread(a, "Why only one minute?");
  await at.click();
  await expect(a.locator("[data-comment-thread][data-thread-active]")).toHaveText("one minute");
  await at.getByRole("button", { name: "Reply" }).click();
  await at.getByRole("textbox", { name: "Reply" }).click();
  await a.keyboard.type("It matches the CDN TTL.");
  await at.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(at).toContainText("It matches the CDN TTL.");
  await at.getByRole("button", { name: "Resolve" }).click();
  // Resolved threads leave the "Open" list and are under "Resolved", with who resolved them.
  await expect(thread(a, "Why only one minute?")).toHaveCount(0);
  const column = a.locator('[data-testid="comments-column"]');
  await column.getByRole("button", { name: "Resolved" }).click();
  await expect(thread(a, "Why only one minute?").getByText("Resolved", { exact: true })).toBeVisible();
  await expect(thread(a, "Why only one minute?")).toContainText(`Resolved by ${author.name}`);

  // With the blocking thread resolved, the approval counts.
  await a.reload();
  await expect(a.getByTestId("signoff-banner")).toContainText(`Signed off by ${reviewer.name}`);
  await expect(panel(a).getByTestId("blocking-notice")).toHaveCount(0);

  // A guest with a comment link comments under a name they type, marked as a guest.
  const link = (await (
    await a.request.post(`/api/docs/${docId}/share-links`, { data: { role: "comment", expiresInDays: 7 } })
  ).json()) as { url: string };
  const guestCtx = await browser.newContext();
  const g = await guestCtx.newPage();
  await g.goto(link.url);
  await expect(g.getByText("Shared with you to read and comment")).toBeVisible();
  await expect(g.getByRole("button", { name: "Comment on section Design Overview" })).toBeVisible();
  await selectText(g, "design-overview", "Keys rotate daily");
  await g.getByRole("button", { name: "Comment", exact: true }).click();
  const guestComposer = g.getByRole("dialog", { name: "New comment" });
  await guestComposer.getByLabel("Your name (shown with a guest badge)").fill("Gita from Legal");
  await guestComposer.getByRole("textbox", { name: "Comment" }).click();
  await g.keyboard.type("Is daily rotation enough for audit?");
  await expect(guestComposer.getByRole("checkbox", { name: /Blocking/ })).toHaveCount(0);
  await guestComposer.getByRole("button", { name: "Comment", exact: true }).click();
  const gt = thread(g, "Is daily rotation enough for audit?");
  await expect(gt).toContainText("Gita from Legal");
  await expect(gt.getByText("guest", { exact: true })).toBeVisible();
  await expect(gt.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  // Members see it with the guest badge too, and no email of anyone reached the guest.
  await a.reload();
  await expect(thread(a, "Is daily rotation enough for audit?").getByText("guest", { exact: true })).toBeVisible();
  expect(await g.content()).not.toContain(author.email);

  await a.context().close();
  await r.context().close();
  await guestCtx.close();
});
