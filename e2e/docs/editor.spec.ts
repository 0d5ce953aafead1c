import { expect, test } from "@playwright/test";
import { createDoc, editorOf, startEditing, statusOf } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { inviteTeammate, newUser, signUp } from "../fixtures/users";

test("write three sections (with a table and a code block), reload, and see it all", async ({ page }) => {
  await signUp(page, newUser("writer"));
  await createDoc(page, "Editor round trip");

  await expect(page.getByTestId("doc-footer")).toContainText("revision 1");
  const overview = await startEditing(page, "Design Overview");
  await page.keyboard.type("We split the monolith into three services.");
  await expect(statusOf(page, "design-overview")).toContainText("Saved");
  // The footer's derived stamp follows the save without a reload.
  await expect(page.getByTestId("doc-footer")).toContainText(/revision [2-9]/);

  await startEditing(page, "Data Model");
  await page.locator("section#data-model").getByRole("button", { name: "Table" }).click();
  await page.getByRole("menuitem", { name: "Insert table (3 × 3)" }).click();
  await page.keyboard.type("Entity");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Owner");
  await expect(statusOf(page, "data-model")).toContainText("Saved");

  await startEditing(page, "Architecture");
  await page.keyboard.type("```sql ");
  await page.keyboard.type("SELECT id FROM orders;");
  await expect(statusOf(page, "architecture")).toContainText("Saved");
  await expect(overview).toBeVisible();

  await page.reload();
  await expect(page.locator("section#design-overview")).toContainText("We split the monolith into three services.");
  await expect(page.locator("section#data-model table")).toContainText("Entity");
  await expect(page.locator("section#data-model table")).toContainText("Owner");
  await expect(page.locator("section#architecture pre code")).toContainText("SELECT id FROM orders;");
  // Highlighted on the server: keyword spans are there before any script runs.
  await expect(page.locator("section#architecture pre code .hljs-keyword").first()).toHaveText(/SELECT/i);
  await expect(page.getByRole("navigation", { name: "Sections" }).last().getByText("3/14 written")).toBeVisible();
});

test("code keeps its colours when its section opens for editing, and is coloured again as it is changed", async ({
  page,
}) => {
  await signUp(page, newUser("coder"));
  await createDoc(page, "Coloured code");
  await startEditing(page, "Architecture");
  await page.keyboard.type("```sql ");
  await page.keyboard.type("SELECT id FROM orders;");
  await expect(statusOf(page, "architecture")).toContainText("Saved");
  await page.reload();
  await expect(page.locator("section#architecture pre code .hljs-keyword").first()).toHaveText(/SELECT/i);

  // Opened again, the editor shows the code in the colours the page showed (the server's, until it changes).
  const editor = await startEditing(page, "Architecture");
  await expect(editor.locator("pre code .hljs-keyword").first()).toHaveText(/SELECT/i);
  // Typed code is coloured by the editor itself, the old words keep theirs meanwhile.
  await editor.locator("pre code").click();
  // The language select comes with the first code block the caret is in.
  await expect(page.locator("section#architecture").getByLabel("Code language")).toHaveValue("sql");
  await screens(page, "editor-code-language", (p) => p.locator("section#architecture"));
  await page.keyboard.press("End");
  await page.keyboard.type(" WHERE total > 10");
  await expect(editor.locator("pre code .hljs-keyword", { hasText: /^WHERE$/ })).toBeVisible();
  await expect(editor.locator("pre code .hljs-keyword").first()).toHaveText(/SELECT/i);
  await expect(statusOf(page, "architecture")).toContainText("Saved");
});

test("two people edit the same section: both texts merge live in both editors", async ({ browser }) => {
  const author = newUser("alice");
  const first = await browser.newContext();
  const a = await first.newPage();
  await signUp(a, author);
  const { url } = await createDoc(a, "Conflict drill");
  // The same person in a second browser (another device), based on the same version.
  const second = await browser.newContext();
  const b = await second.newPage();
  await b.goto("/sign-in");
  await b.getByLabel("Email").fill(author.email);
  await b.getByLabel("Password").fill(author.password);
  await b.getByRole("button", { name: "Sign in" }).click();
  await expect(b).toHaveURL(/\/w\//);
  await b.goto(url);
  await expect(b.getByRole("heading", { name: "Edge Cases", level: 2 })).toBeVisible();

  // A page loaded before someone else's save opens the editor on the newer text, not on what it showed.
  await startEditing(a, "Design Overview");
  await a.keyboard.type("Written on the first device.");
  await expect(statusOf(a, "design-overview")).toContainText("Saved");
  await startEditing(b, "Design Overview");
  await expect(editorOf(b, "Design Overview")).toContainText("Written on the first device.");

  // Both open the section's editor on the same version; the first to type saves first.
  await startEditing(b, "Edge Cases");
  await startEditing(a, "Edge Cases");
  await a.keyboard.type("Retries must be idempotent.");
  await expect(statusOf(a, "edge-cases")).toContainText("Saved");

  await b.keyboard.press("End");
  await b.keyboard.type("Clock skew between regions.");
  // Live co-editing (issue 14): nobody is refused, both texts merge in both editors and are stored together.
  await expect(editorOf(b, "Edge Cases")).toContainText("Retries must be idempotent.");
  await expect(editorOf(b, "Edge Cases")).toContainText("Clock skew between regions.");
  await expect(editorOf(a, "Edge Cases")).toContainText("Clock skew between regions.");
  await expect(statusOf(b, "edge-cases")).toContainText("Saved");
  await a.reload();
  await expect(a.locator("section#edge-cases")).toContainText("Clock skew between regions.");
  await expect(a.locator("section#edge-cases")).toContainText("Retries must be idempotent.");
  await first.close();
  await second.close();
});

test("a viewer reads the doc but gets no editor", async ({ browser }) => {
  const ownerCtx = await browser.newContext();
  const owner = await ownerCtx.newPage();
  await signUp(owner, newUser("owner"));
  const { url } = await createDoc(owner, "Read only for viewers");
  await startEditing(owner, "Design Overview");
  await owner.keyboard.type("Visible to viewers.");
  await expect(statusOf(owner, "design-overview")).toContainText("Saved");
  const v = await inviteTeammate(owner, browser, newUser("viewer"), { role: "VIEWER" });
  const viewerCtx = v.context();
  await v.goto(url);
  await expect(v.locator("section#design-overview")).toContainText("Visible to viewers.");
  await expect(v.getByText("Read-only")).toBeVisible();
  await expect(v.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await v.locator("section#design-overview").click();
  await expect(v.getByRole("textbox", { name: "Design Overview content" })).toHaveCount(0);
  await expect(v.getByRole("button", { name: "Rename doc" })).toHaveCount(0);
  await ownerCtx.close();
  await viewerCtx.close();
});

test("text typed while saves cannot reach the server survives a reload and is saved then", async ({
  page,
  context,
}) => {
  await signUp(page, newUser("offline"));
  // No live channel in this tab (the collaboration server is unreachable): the editor saves section by section.
  await page.routeWebSocket(/.*/, () => {});
  const { url } = await createDoc(page, "Offline drill");
  // In this tab every save (a server action POST to the doc page) fails as if the network were down.
  await page.route(/\/docs\//, (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
  );
  await startEditing(page, "Rollout Plan");
  await page.keyboard.type("Canary in one region first.");
  await expect(statusOf(page, "rollout-plan")).toContainText("Offline — your changes are kept on this device");

  // The same device opens the doc again (after a crash, or in a new tab once the network is back).
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByText("Restored unsaved changes from this device.")).toBeVisible();
  await expect(editorOf(again, "Rollout Plan")).toContainText("Canary in one region first.");
  await expect(statusOf(again, "rollout-plan")).toContainText("Saved");
  await page.close();
  await again.reload();
  await expect(again.locator("section#rollout-plan")).toContainText("Canary in one region first.");
  await expect(again.getByText("Restored unsaved changes from this device.")).toHaveCount(0);
});

test("without a live channel the saving editor undoes and redoes its own typing (ProseMirror's history)", async ({
  page,
}) => {
  await signUp(page, newUser("undoer"));
  // The collaboration server is unreachable: the section opens in the saving editor, whose undo is ProseMirror's.
  await page.routeWebSocket(/.*/, () => {});
  await createDoc(page, "Undo drill");
  const editor = await startEditing(page, "Design Overview");
  await expect(page.locator("section#design-overview .section-editor[data-live]")).toHaveCount(0);
  await page.keyboard.type("First words.");
  await expect(statusOf(page, "design-overview")).toContainText("Saved");
  await page.keyboard.type(" Second thoughts.");
  await expect(editor).toContainText("First words. Second thoughts.");
  await page.keyboard.press("Control+z");
  await expect(editor).toHaveText("First words.");
  await page.keyboard.press("Control+Shift+z");
  await expect(editor).toHaveText("First words. Second thoughts.");
  await page.keyboard.press("Control+z");
  await expect(statusOf(page, "design-overview")).toContainText("Saved");
  await page.reload();
  await expect(page.locator("section#design-overview")).toContainText("First words.");
  await expect(page.locator("section#design-overview")).not.toContainText("Second thoughts.");
});

test("links: a typed or pasted web address becomes a link, a bare domain does not; Ctrl+K links a word", async ({
  page,
}) => {
  await signUp(page, newUser("linker"));
  await createDoc(page, "Links in the editor");
  const editor = await startEditing(page, "Design Overview");
  await page.keyboard.type("See https://example.com/docs and example.org then ");
  await expect(editor.locator('a[href="https://example.com/docs"]')).toHaveText("https://example.com/docs");
  await expect(editor.locator("a")).toHaveCount(1);

  // Pasting a URL over selected words links them; pasting one alone inserts a link.
  const paste = (text: string) =>
    editor.evaluate((el, value) => {
      const data = new DataTransfer();
      data.setData("text/plain", value);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  await paste("https://pasted.example/a");
  await expect(editor.locator('a[href="https://pasted.example/a"]')).toHaveText("https://pasted.example/a");
  await page.keyboard.type(" the spec");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  await paste("https://spec.example/");
  await expect(editor.locator('a[href="https://spec.example/"]')).toHaveText("spec");

  // The link field (Ctrl+K) on a selected word.
  await page.keyboard.press("End");
  await page.keyboard.type(" runbook");
  for (let i = 0; i < 7; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("ControlOrMeta+k");
  await page.getByLabel("Link address").fill("https://runbook.example/");
  await page.keyboard.press("Enter");
  await expect(editor.locator('a[href="https://runbook.example/"]')).toHaveText("runbook");
  await expect(statusOf(page, "design-overview")).toContainText("Saved");
  await page.reload();
  await expect(page.locator('section#design-overview a[href="https://runbook.example/"]')).toHaveText("runbook");
  await expect(page.locator("section#design-overview .doc-prose a")).toHaveCount(4);
});

test("a word just linked keeps its text when End and typing come before the editor hears the caret moved", async ({
  page,
}) => {
  await signUp(page, newUser("linkrace"));
  await createDoc(page, "Links under load");
  const editor = await startEditing(page, "Design Overview");
  await page.keyboard.type("Read the spec");
  for (let i = 0; i < "spec".length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await editor.evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", "https://spec.example/");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editor.locator('a[href="https://spec.example/"]')).toHaveText("spec");

  // The browser tells the page the caret moved in a "selectionchange" event of its own, after the key; on a loaded
  // machine (issue 14) the next keys were typed first. Held back here until the typing is done, it always is.
  await page.evaluate(() => {
    const held = { on: true };
    (window as unknown as { heldSelection: typeof held }).heldSelection = held;
    window.addEventListener("selectionchange", (event) => held.on && event.stopImmediatePropagation(), true);
  });
  await page.keyboard.press("End");
  await page.keyboard.type(" runbook");
  await page.evaluate(() => {
    (window as unknown as { heldSelection: { on: boolean } }).heldSelection.on = false;
    document.dispatchEvent(new Event("selectionchange"));
  });

  await expect(editor).toHaveText("Read the spec runbook");
  await expect(editor.locator('a[href="https://spec.example/"]')).toHaveText("spec");
  await expect(statusOf(page, "design-overview")).toContainText("Saved");
  await page.reload();
  await expect(page.locator("section#design-overview .doc-prose")).toContainText("Read the spec runbook");
  await expect(page.locator('section#design-overview a[href="https://spec.example/"]')).toHaveText("spec");
});

test("a section that opens with a table edits it as a table: Tab in the last cell adds a row", async ({ page }) => {
  await signUp(page, newUser("tabler"));
  await createDoc(page, "Tables in the editor");
  await startEditing(page, "Data Model");
  await page.locator("section#data-model").getByRole("button", { name: "Table" }).click();
  await page.getByRole("menuitem", { name: "Insert table (3 × 3)" }).click();
  await page.keyboard.type("Entity");
  await expect(statusOf(page, "data-model")).toContainText("Saved");

  await page.reload();
  const table = page.locator("section#data-model table");
  await expect(table.locator("tr")).toHaveCount(3);
  // The editor opens with the caret at the end: in the table's last cell.
  await page.getByRole("button", { name: "Edit Data Model" }).click();
  await expect(editorOf(page, "Data Model").locator(".tableWrapper table")).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.type("Added row");
  await expect(statusOf(page, "data-model")).toContainText("Saved");
  await page.reload();
  await expect(table.locator("tr")).toHaveCount(4);
  await expect(table.locator("tr").last()).toContainText("Added row");
  // The table menu acts on the table the caret is in.
  await page.getByRole("button", { name: "Edit Data Model" }).click();
  await page.locator("section#data-model").getByRole("button", { name: "Table" }).click();
  await page.getByRole("menuitem", { name: "Delete row" }).click();
  await expect(editorOf(page, "Data Model").locator("tr")).toHaveCount(3);
});
