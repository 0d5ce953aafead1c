import { expect, test, type Page } from "@playwright/test";
import { createDoc, paragraphs, putSection, selectText } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

async function commentOn(page: Page, words: string, body: string, guestName?: string) {
  await selectText(page, "design-overview", words);
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const composer = page.getByRole("dialog", { name: "New comment" });
  if (guestName) await composer.getByLabel("Your name (shown with a guest badge)").fill(guestName);
  await composer.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type(body);
  await composer.getByRole("button", { name: "Comment", exact: true }).click();
}

const thread = (page: Page, text: string) => page.locator('[data-testid="thread"]:visible').filter({ hasText: text });

test("a comment keeps the words it was written on and says when they changed", async ({ page }) => {
  await signUp(page, newUser("quoter"));
  const { docId, url } = await createDoc(page, "Cache plan");
  expect((await putSection(page, docId!, "design-overview", 1, paragraphs("We cache for one minute."))).status).toBe(
    200,
  );
  await page.goto(url);
  // A doc without threads: the Comment button and the composer are fetched on the first selection.
  await selectText(page, "design-overview", "one minute");
  await expect(page.getByRole("button", { name: "Comment", exact: true })).toBeVisible();
  await screens(page, "comment-button-first-selection");
  await commentOn(page, "one minute", "Why only one minute?");
  const card = thread(page, "Why only one minute?");
  await expect(card.getByTestId("thread-quote")).toHaveText("one minute");
  await expect(card.getByTestId("quote-changed")).toHaveCount(0);
  const threadId = await card.getAttribute("data-thread-id");

  // The author edits the commented words (the editor keeps the mark on them).
  const section = (await (await page.request.get(`/api/docs/${docId}/sections/design-overview`)).json()) as {
    version: number;
  };
  const edited = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "We cache for " },
          { type: "text", text: "five minutes", marks: [{ type: "comment", attrs: { threadId } }] },
          { type: "text", text: "." },
        ],
      },
    ],
  };
  expect((await putSection(page, docId!, "design-overview", section.version, edited)).status).toBe(200);
  await page.reload();
  const after = thread(page, "Why only one minute?");
  await expect(after.getByTestId("thread-quote")).toHaveText("one minute");
  await expect(after.getByTestId("quote-changed")).toContainText("Text changed");
  await expect(after.getByTestId("quote-changed")).toContainText("five minutes");
  await screens(page, "comment-quote-changed", (p) => thread(p, "Why only one minute?"));
});

test("a comment link: no Read-only badge, the guest's highlight shows in the body, and it prints cleanly", async ({
  page,
  browser,
}) => {
  await signUp(page, newUser("sharer"));
  const { docId } = await createDoc(page, "Shared plan");
  expect((await putSection(page, docId!, "design-overview", 1, paragraphs("Keys rotate daily."))).status).toBe(200);
  const link = (await (
    await page.request.post(`/api/docs/${docId}/share-links`, { data: { role: "comment", expiresInDays: 7 } })
  ).json()) as { url: string };

  const guestCtx = await browser.newContext();
  const g = await guestCtx.newPage();
  await g.goto(link.url);
  await expect(g.getByText("Can comment", { exact: true })).toBeVisible();
  await expect(g.getByText("Read-only", { exact: true })).toHaveCount(0);
  await commentOn(g, "rotate daily", "Is daily enough?", "Gita from Legal");
  await expect(thread(g, "Is daily enough?")).toContainText("Gita from Legal");
  // The words the guest commented on are highlighted in the body, without a reload.
  const mark = g.locator('section[data-section-key="design-overview"] .doc-prose [data-comment-thread]');
  await expect(mark).toHaveText("rotate daily");
  await screens(g, "share-comment-guest");

  // On paper: no banner above the doc.
  await g.emulateMedia({ media: "print" });
  await expect(g.getByText("Shared with you to read and comment")).toBeHidden();
  await expect(g.getByRole("heading", { level: 1, name: "Shared plan" })).toBeVisible();
  await screens(g, "share-print");
  await guestCtx.close();
});
