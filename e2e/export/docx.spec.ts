import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { unzip } from "../../lib/testing/unzip";
import { createDoc, putSection } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

const t = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const cell = (type: string, text: string) => ({ type, content: [p(t(text))] });

test("Export as Word downloads a .docx with the doc's headings, lists, tables, code, links and footer stamps", async ({
  page,
}) => {
  await signUp(page, newUser("worder"));
  const { docId } = await createDoc(page, "Word plan");
  const architecture = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 3 }, content: [t("Request path")] },
      p(t("See the "), t("runbook", [{ type: "link", attrs: { href: "https://example.com/runbook" } }]), t(".")),
      { type: "bulletList", content: [{ type: "listItem", content: [p(t("Edge cache"))] }] },
      { type: "orderedList", content: [{ type: "listItem", content: [p(t("Validate token"))] }] },
      {
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Tier"), cell("tableHeader", "Owner")] },
          { type: "tableRow", content: [cell("tableCell", "Edge"), cell("tableCell", "Platform")] },
        ],
      },
      { type: "codeBlock", attrs: { language: "sql" }, content: [t("SELECT 1;")] },
    ],
  };
  expect((await putSection(page, docId!, "architecture", 1, architecture)).status).toBe(200);
  await page.reload();

  await page.getByRole("button", { name: "More" }).click();
  await screens(page, "export-docx-menu");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: "Export as Word (.docx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^word-plan.*\.docx$/);
  const files = unzip(await readFile((await download.path())!));
  const xml = files.get("word/document.xml")!.toString("utf8");
  const text = xml.replace(/<[^>]+>/g, "");
  // The title, a Heading 1 per section, the inner heading, lists, the table, the code and the link.
  expect(xml).toMatch(/<w:pStyle w:val="Title"\/>.*Word plan/);
  expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*Architecture/);
  expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*Request path/);
  expect(text).toContain("Edge cache");
  expect(text).toContain("Validate token");
  expect(xml).toMatch(/<w:tbl>.*Tier.*Owner.*Edge.*Platform.*<\/w:tbl>/);
  expect(xml).toMatch(/Consolas.*SELECT 1;/);
  expect(files.get("word/_rels/document.xml.rels")!.toString("utf8")).toContain("https://example.com/runbook");
  // Unwritten sections say so; the stamps close the body and sit in every page's footer.
  expect(text).toContain("Not written yet.");
  expect(text).toMatch(/Last Updated: \d{4}-\d{2}-\d{2}.* by Worder/);
  expect(text).toContain("Reviewed By: —");
  const footer = [...files].find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1].toString("utf8") ?? "";
  expect(footer.replace(/<[^>]+>/g, "")).toMatch(/Last Updated: .*Reviewed By: —/);
});
