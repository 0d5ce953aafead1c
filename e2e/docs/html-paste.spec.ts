import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createDoc } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

// Issue 16: HTML pasted from Google Docs, Confluence and GitHub keeps headings, lists, tables, code and links.
// The fixtures are our own, shaped as each tool writes its clipboard (e2e/fixtures/paste/*.html).

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/paste", name), "utf8");

const editorOf = (page: Page, title: string) => page.getByRole("textbox", { name: `${title} content` });
const statusOf = (page: Page, key: string) => page.locator(`section#${key}`).getByRole("status").first();

/** A paste as the browser delivers it from another app: HTML with its plain-text twin. */
const pasteHtml = (editor: Locator, html: string) =>
  editor.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData("text/html", value);
    data.setData("text/plain", new DOMParser().parseFromString(value, "text/html").body.textContent ?? "");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);

type Json = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: Json[]; content?: Json[] };
const nodes = (doc: Json): Json[] => [doc, ...(doc.content ?? []).flatMap(nodes)];
const textOf = (node: Json): string => (node.text ?? "") + (node.content ?? []).map(textOf).join("");

const SOURCES = [
  { file: "google-docs.html", title: "Design Overview", key: "design-overview", language: "plaintext" },
  { file: "confluence.html", title: "Data Model", key: "data-model", language: "java" },
  { file: "github.html", title: "API Design", key: "api-design", language: "go" },
] as const;

test("HTML pasted from Google Docs, Confluence and GitHub keeps headings, lists, tables, code and links", async ({
  page,
}) => {
  await signUp(page, newUser("htmlpaster"));
  const { docId } = await createDoc(page, "Pasted from elsewhere");

  for (const source of SOURCES) {
    await page.getByRole("button", { name: `Edit ${source.title}` }).click();
    const editor = editorOf(page, source.title);
    await expect(editor).toBeVisible();
    await editor.click();
    await pasteHtml(editor, fixture(source.file));

    // What the writer sees: section-level headings, the nested list, a table, a code block, the link.
    await expect(editor.locator("h3").first(), source.file).toHaveText(/rollout/i);
    await expect(editor.locator("h3, h4").nth(1), source.file).toHaveText("Steps");
    await expect(editor.locator("li li"), source.file).toContainText("Watch error rates");
    await expect(editor.locator("table tr"), source.file).toHaveCount(2);
    await expect(editor.locator('a[href="https://runbook.example/ledger"]'), source.file).toHaveCount(1);
    await expect(editor.locator("pre code"), source.file).toHaveCount(1);
    await expect(statusOf(page, source.key)).toContainText("Saved");
  }
  await screens(page, "comfort-html-paste", (p) => p.locator("main"));

  for (const source of SOURCES) {
    const response = await page.request.get(`/api/docs/${docId}/sections/${source.key}`);
    const all = nodes(((await response.json()) as { content: Json }).content);
    const of = (type: string) => all.filter((n) => n.type === type);
    // Headings are the section's own levels (its title is the page's h2).
    expect(
      of("heading").map((h) => h.attrs?.level),
      source.file,
    ).toEqual([3, 3]);
    expect(of("heading").map(textOf), source.file).toEqual([
      source.file === "google-docs.html" ? "Ledger rollout" : "Rollout",
      "Steps",
    ]);
    // The list keeps its nesting; the table its cells; the code its language and its lines.
    const lists = of("bulletList").length + of("orderedList").length;
    expect(lists, source.file).toBeGreaterThanOrEqual(2);
    expect(of("listItem").map(textOf), source.file).toContain("Watch error rates");
    expect(of("table"), source.file).toHaveLength(1);
    expect(of("tableCell").length + of("tableHeader").length, source.file).toBe(4);
    const [code] = of("codeBlock");
    expect(code?.attrs?.language, source.file).toBe(source.language);
    expect(textOf(code!).split("\n"), source.file).toHaveLength(2);
    // Inline code and the link, on exactly their words (no underline mark from a style).
    const linked = all.filter((n) => n.marks?.some((m) => m.type === "link"));
    expect(linked.map((n) => n.text).join(""), source.file).toMatch(/runbook/);
    expect(
      linked.flatMap((n) => n.marks!.map((m) => m.type)),
      source.file,
    ).not.toContain("underline");
    expect(linked[0]?.marks?.find((m) => m.type === "link")?.attrs?.href).toBe("https://runbook.example/ledger");
    expect(
      all.filter((n) => n.marks?.some((m) => m.type === "code")).map((n) => n.text),
      source.file,
    ).toEqual(["ledger_v2"]);
    // Tasks where the tool has them (Confluence, GitHub): checked as they were.
    if (source.file !== "google-docs.html")
      expect(
        of("taskItem").map((t) => [textOf(t).trim(), t.attrs?.checked]),
        source.file,
      ).toEqual([
        ["Schema drafted", true],
        ["Load test", false],
      ]);
  }
});
