import { expect, test } from "@playwright/test";
import { startEditing } from "../fixtures/collab";
import { createDoc } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

// Access changes reach pages that have the doc open (issue 14). The collaboration server asks again every 2 s;
// removal, revoked links, archive and lock are covered on the live channel in lib/collab/server.db.test.ts.
test("a doc deleted while it is open in another tab: that tab says so, and its editor stops", async ({
  page,
  context,
}) => {
  await signUp(page, newUser("deleted-live"));
  const { url, docId } = await createDoc(page, "Deleted while open");
  const other = await context.newPage();
  await other.goto(url);
  const editor = await startEditing(other, "Design Overview");
  await other.keyboard.type("Typed before the deletion.");
  await expect(other.locator("section#design-overview").getByRole("status").first()).toContainText("Saved");

  const response = await page.request.delete(`/api/docs/${docId}`, { data: { confirmTitle: "Deleted while open" } });
  expect(response.status()).toBe(200);
  await expect(other.getByTestId("live-access-message")).toHaveText(/^This doc was deleted\./);
  await expect(editor).toHaveAttribute("contenteditable", "false");
  // Nothing else can be opened for editing on it.
  await expect(other.getByRole("button", { name: "Edit Architecture" })).toHaveCount(0);
  await screens(other, "collab-doc-deleted");
  expect((await other.request.get(`/api/docs/${docId}`)).status()).toBe(404);
});
