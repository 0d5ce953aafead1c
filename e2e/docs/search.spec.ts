import { expect, test } from "@playwright/test";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

test("search as you type: a word's beginning finds it, comments are searched, and the page is not reloaded", async ({
  page,
}) => {
  await signUp(page, newUser("searcher"));
  const home = page.url();
  const { docId } = await createDoc(page, "Payments ledger");
  expect(
    (await putSection(page, docId!, "data-model", 1, paragraphs("Nightly reconciliation against the bank."))).status,
  ).toBe(200);
  const thread = await page.request.post(`/api/docs/${docId}/comments`, {
    data: {
      sectionKey: "data-model",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Eviction policy?" }] }] },
    },
  });
  expect(thread.status()).toBe(201);
  await createDoc(page, "Unrelated notes");

  await page.goto(home);
  // A marker on the window: a full page load would drop it.
  await page.evaluate(() => ((window as unknown as { searchMarker: number }).searchMarker = 1));
  const box = page.getByRole("searchbox", { name: "Search docs" });
  await box.pressSequentially("reconcil");
  const list = page.getByTestId("doc-list");
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Payments ledger");
  await expect(list).toContainText("reconciliation");
  await expect(page).toHaveURL(/\?q=reconcil/);
  expect(await page.evaluate(() => (window as unknown as { searchMarker?: number }).searchMarker)).toBe(1);

  await box.fill("");
  await box.pressSequentially("evict");
  await expect(list.getByTestId("comment-hit")).toContainText("Comment thread in Data Model");
  await expect(list.getByRole("listitem")).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { searchMarker?: number }).searchMarker)).toBe(1);
  await screens(page, "search-comment-hit");
});
