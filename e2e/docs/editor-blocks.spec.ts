import { expect, test, type Page } from "@playwright/test";
import { createDoc } from "../fixtures/docs";
import { screens, takeScreens } from "../fixtures/screens";
import { authorWithTeammate, newUser, signUp } from "../fixtures/users";

// Issue 16, editing comfort: Escape and Done leave editing; "/" inserts blocks; "@" mentions people in the text.

const editorOf = (page: Page, title: string) => page.getByRole("textbox", { name: `${title} content` });
const toolbarOf = (page: Page, title: string) => page.getByRole("toolbar", { name: `Format ${title}` });
const sectionOf = (page: Page, key: string) => page.locator(`section#${key}`);
const statusOf = (page: Page, key: string) => sectionOf(page, key).getByRole("status").first();
const slashMenu = (page: Page) => page.getByRole("listbox", { name: "Insert a block" });

/** What the viewport shows (a menu floats over the page), at 1280 and 390 px, for people to look at. */
async function viewportScreens(page: Page, name: string) {
  if (!takeScreens) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function startEditing(page: Page, title: string) {
  await page.getByRole("button", { name: `Edit ${title}` }).click();
  const editor = editorOf(page, title);
  await expect(editor).toBeVisible();
  await editor.click();
  return editor;
}

type Json = { type: string; text?: string; attrs?: Record<string, unknown>; content?: Json[] };
const nodes = (doc: Json): Json[] => [doc, ...(doc.content ?? []).flatMap(nodes)];
const stored = async (page: Page, docId: string | null, key: string) =>
  ((await (await page.request.get(`/api/docs/${docId}/sections/${key}`)).json()) as { content: Json }).content;

test("Escape and Done leave editing: the toolbar closes, the section reads as a page, the text is stored", async ({
  page,
}) => {
  await signUp(page, newUser("escaper"));
  const { docId } = await createDoc(page, "Leaving the editor");
  await startEditing(page, "Design Overview");
  await page.keyboard.type("A cache in front of the ledger.");
  await expect(toolbarOf(page, "Design Overview")).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(toolbarOf(page, "Design Overview")).toHaveCount(0);
  await expect(editorOf(page, "Design Overview")).toHaveCount(0);
  await expect(sectionOf(page, "design-overview").locator(".section-body .doc-prose")).toHaveText(
    "A cache in front of the ledger.",
  );
  await expect(page.getByRole("button", { name: "Edit Design Overview" })).toBeVisible();
  await expect(statusOf(page, "design-overview")).toContainText("Saved");
  await screens(page, "comfort-escape-closed", (p) => sectionOf(p, "design-overview"));

  // Editing again starts from what was written; the Done button leaves as Escape does.
  await startEditing(page, "Design Overview");
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" Entries are immutable.");
  await screens(page, "comfort-done-button", (p) => sectionOf(p, "design-overview"));
  await page.getByRole("button", { name: "Done editing Design Overview" }).click();
  await expect(toolbarOf(page, "Design Overview")).toHaveCount(0);
  await expect(sectionOf(page, "design-overview").locator(".section-body .doc-prose")).toHaveText(
    "A cache in front of the ledger. Entries are immutable.",
  );
  await expect(statusOf(page, "design-overview")).toContainText("Saved");

  await page.reload();
  await expect(sectionOf(page, "design-overview").locator(".section-body .doc-prose")).toHaveText(
    "A cache in front of the ledger. Entries are immutable.",
  );
  const text = nodes(await stored(page, docId, "design-overview"))
    .map((n) => n.text ?? "")
    .join("");
  expect(text).toBe("A cache in front of the ledger. Entries are immutable.");
});

test("the slash menu works offline once an editor is open", async ({ page, context }) => {
  await signUp(page, newUser("slash-offline"));
  await createDoc(page, "Slash offline");
  await startEditing(page, "Design Overview");
  // What the open editor fetches in idle time has come; then the network goes.
  await page.waitForLoadState("networkidle");
  await context.setOffline(true);
  await page.keyboard.type("/");
  await expect(slashMenu(page).getByRole("option").first()).toHaveText(/^Heading/);
  await page.keyboard.type("quote");
  await page.keyboard.press("Enter");
  await expect(editorOf(page, "Design Overview").locator("blockquote")).toHaveCount(1);
  await context.setOffline(false);
});

test("the slash menu inserts blocks: filter as you type, arrows and Enter pick, Escape closes it", async ({ page }) => {
  await signUp(page, newUser("slasher"));
  const { docId } = await createDoc(page, "Slash blocks");
  const editor = await startEditing(page, "Design Overview");

  // "/" opens every block; typing filters; Escape closes the menu, keeps the "/", and stays in the editor.
  await page.keyboard.type("/");
  await expect(slashMenu(page).getByRole("option")).toHaveText([
    /^Heading/,
    /^Subheading/,
    /^Bulleted list/,
    /^Numbered list/,
    /^Task list/,
    /^Table/,
    /^Code block/,
    /^Quote/,
    /^Divider/,
    /^Image/,
    /^Diagram \(Mermaid\)/,
  ]);
  await page.keyboard.type("li");
  await expect(slashMenu(page).getByRole("option")).toHaveText([/^Bulleted list/, /^Numbered list/, /^Task list/]);
  await viewportScreens(page, "comfort-slash-menu");
  await page.keyboard.press("Escape");
  await expect(slashMenu(page)).toHaveCount(0);
  await expect(toolbarOf(page, "Design Overview")).toBeVisible();
  await expect(editor).toHaveText("/li");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");

  // Arrows move through the list: the second of "/li" is the numbered list.
  await page.keyboard.type("/li");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.type("First step");
  await expect(editor.locator("ol > li")).toHaveText("First step");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  await page.keyboard.type("/quo");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Quoted requirement");
  await expect(editor.locator("blockquote")).toHaveText("Quoted requirement");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  await page.keyboard.type("/head");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Rollout");
  await expect(editor.locator("h3")).toHaveText("Rollout");
  await page.keyboard.press("Enter");

  await page.keyboard.type("/hr");
  await page.keyboard.press("Enter");
  await expect(editor.locator("hr")).toHaveCount(1);

  await page.keyboard.type("/mermaid");
  await page.keyboard.press("Enter");
  await expect(editor.locator("pre code")).toContainText("flowchart LR");

  // A second section for the table (its cells would take the caret).
  const data = await startEditing(page, "Data Model");
  await page.keyboard.type("/tab");
  await expect(slashMenu(page).getByRole("option")).toHaveText([/^Table/]);
  await page.keyboard.press("Enter");
  await expect(data.locator("table tr")).toHaveCount(3);
  await page.keyboard.type("Entity");
  await expect(data.locator("table th").first()).toHaveText("Entity");

  await expect(statusOf(page, "design-overview")).toContainText("Saved");
  await expect(statusOf(page, "data-model")).toContainText("Saved");
  const overview = nodes(await stored(page, docId, "design-overview"));
  const types = overview.map((n) => n.type);
  for (const type of ["orderedList", "blockquote", "heading", "horizontalRule", "codeBlock"])
    expect(types).toContain(type);
  expect(overview.find((n) => n.type === "codeBlock")?.attrs?.language).toBe("mermaid");
  expect(overview.map((n) => n.text ?? "").join("")).not.toContain("/");
  expect(nodes(await stored(page, docId, "data-model")).map((n) => n.type)).toContain("table");
});

test("@-mentions in section text: pick a teammate, read as @Name, the teammate is told once", async ({ browser }) => {
  const { mate, a, m } = await authorWithTeammate(browser, "mentioned");
  const { docId, url } = await createDoc(a, "Ledger rewrite");
  const editor = await startEditing(a, "Design Overview");
  await a.keyboard.type("Rounding owner: ");
  await a.keyboard.type(`@${mate.name.split(" ")[0]}`);
  const people = a.getByRole("listbox", { name: "People to mention" });
  await expect(people.getByRole("option", { name: mate.name })).toBeVisible();
  await viewportScreens(a, "comfort-section-mention");
  await a.keyboard.press("Enter");
  await expect(editor.locator(".mention")).toHaveText(`@${mate.name}`);
  await a.keyboard.type("please check.");
  await expect(statusOf(a, "design-overview")).toContainText("Saved");
  await a.keyboard.press("Escape");

  // Read view and export say @Name; the stored node names the person.
  await expect(sectionOf(a, "design-overview").locator(".mention")).toHaveText(`@${mate.name}`);
  const mention = nodes(await stored(a, docId, "design-overview")).find((n) => n.type === "mention");
  expect(mention?.attrs?.label).toBe(mate.name);
  const markdown = await (await a.request.get(`/api/docs/${docId}/export.md`)).text();
  expect(markdown).toContain(`Rounding owner: @${mate.name} please check.`);

  // More writing in the section does not tell them again.
  await startEditing(a, "Design Overview");
  await a.keyboard.press("ControlOrMeta+End");
  await a.keyboard.type(" Thanks!");
  await a.keyboard.press("Escape");
  await expect
    .poll(async () =>
      nodes(await stored(a, docId, "design-overview"))
        .map((n) => n.text ?? "")
        .join(""),
    )
    .toContain("Thanks!");
  await expect(sectionOf(a, "design-overview").locator(".section-body .doc-prose")).toContainText("Thanks!");

  await m.goto("/inbox");
  const note = m.getByRole("link", { name: /mentioned you in “Design Overview” of “Ledger rewrite”/ });
  await expect(note).toHaveCount(1);
  await screens(m, "comfort-mention-inbox");
  await note.click();
  await expect(m).toHaveURL(`${url}#design-overview`);
  await expect(sectionOf(m, "design-overview").locator(".mention")).toHaveText(`@${mate.name}`);
});
