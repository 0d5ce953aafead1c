import { expect, test, type Locator } from "@playwright/test";
import { createDoc, startEditing, statusOf } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

const paste = (editor: Locator, text: string) =>
  editor.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);

type Json = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: Json[]; content?: Json[] };
const nodes = (doc: Json): Json[] => [doc, ...(doc.content ?? []).flatMap(nodes)];

test("pasted Markdown becomes headings, lists, code and tables; typing after a Ctrl+K link does not extend it", async ({
  page,
}) => {
  await signUp(page, newUser("paster"));
  const { docId } = await createDoc(page, "Paste and links");
  const editor = await startEditing(page, "Design Overview");
  await paste(
    editor,
    [
      "## Rollout",
      "",
      "- canary at **5 %**",
      "- then [everyone](https://example.com/rollout)",
      "",
      "```sql",
      "SELECT 1;",
      "```",
      "",
      "| step | owner |",
      "|---|---|",
      "| canary | ops |",
    ].join("\n"),
  );
  await expect(editor.locator("h3")).toHaveText("Rollout");
  await expect(editor.locator("li")).toHaveCount(2);
  await expect(editor.locator('a[href="https://example.com/rollout"]')).toHaveText("everyone");
  await expect(editor.locator("pre code")).toContainText("SELECT 1;");
  await expect(editor.locator("table td").first()).toHaveText("canary");
  await expect(editor.getByText("## Rollout")).toHaveCount(0);

  await expect(statusOf(page, "design-overview")).toContainText("Saved");
  await screens(page, "comfort-markdown-paste", (p) => p.locator("section#design-overview"));

  // A link made with Ctrl+K (in a section of its own: Ctrl+End above would land in the pasted table's last cell).
  const second = await startEditing(page, "Data Model");
  await page.keyboard.type("Read the runbook");
  for (let i = 0; i < "runbook".length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("ControlOrMeta+k");
  await page.getByLabel("Link address").fill("https://runbook.example/");
  await page.keyboard.press("Enter");
  await expect(second.locator('a[href="https://runbook.example/"]')).toHaveText("runbook");
  await second.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" first.");
  await expect(second.locator('a[href="https://runbook.example/"]')).toHaveText("runbook");
  await expect(statusOf(page, "data-model")).toContainText("Saved");

  // What is stored: real nodes, the link on its word only.
  const get = async (key: string) =>
    ((await (await page.request.get(`/api/docs/${docId}/sections/${key}`)).json()) as { content: Json }).content;
  const types = nodes(await get("design-overview")).map((n) => n.type);
  for (const type of ["heading", "bulletList", "codeBlock", "table"]) expect(types).toContain(type);
  const linked = nodes(await get("data-model")).filter((n) =>
    n.marks?.some((m) => m.type === "link" && m.attrs?.href === "https://runbook.example/"),
  );
  expect(linked.map((n) => n.text)).toEqual(["runbook"]);
});
