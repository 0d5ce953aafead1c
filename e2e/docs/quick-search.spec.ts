import { expect, test } from "@playwright/test";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { authorWithTeammate } from "../fixtures/users";

test("Ctrl/Cmd+K finds docs and sections in all of the person's workspaces; arrows, Enter and Escape", async ({
  browser,
}) => {
  const { author, mate, a, m } = await authorWithTeammate(browser, "searcher");
  const { docId } = await createDoc(a, "Payments ledger");
  expect((await putSection(a, docId!, "data-model", 1, paragraphs("Nightly reconciliation at the bank."))).status).toBe(
    200,
  );
  // The teammate's own doc, in the workspace made at their sign-up (their first).
  const own = await m.request.post("/api/docs", { data: { title: "Reconciler rewrite" } });
  expect(own.status()).toBe(201);
  const ownDoc = (await own.json()) as { slug: string };
  await m.goto("/inbox");

  await m.keyboard.press("Control+k");
  const dialog = m.getByRole("dialog", { name: "Search all your workspaces" });
  const box = dialog.getByRole("combobox", { name: "Search docs and sections" });
  await expect(box).toBeFocused();
  await box.pressSequentially("reconcil");
  const options = dialog.getByRole("option");
  await expect(options).toHaveCount(2);
  // A title hit comes first; each names its workspace, a section hit its doc and the words found.
  await expect(options.nth(0)).toContainText("Reconciler rewrite");
  await expect(options.nth(0)).toContainText(`${mate.name.split(" ")[0]}'s workspace`);
  await expect(options.nth(1)).toContainText("Data Model");
  await expect(options.nth(1)).toContainText(`Payments ledger · ${author.name.split(" ")[0]}'s workspace`);
  await expect(options.nth(1)).toContainText("reconciliation");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await screens(m, "quick-search-results");

  await box.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(m).toHaveURL(new RegExp(`/docs/[a-z0-9-]+#data-model$`));
  await expect(m.getByRole("heading", { level: 1 })).toHaveText("Payments ledger");

  // Escape closes it; the other hit is a press away from the doc page too.
  await m.keyboard.press("Control+k");
  await expect(dialog).toBeVisible();
  await m.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await m.getByTestId("header-search").click();
  await dialog.getByRole("combobox").pressSequentially("rewrite");
  await expect(options).toHaveCount(1);
  await box.press("Enter");
  await expect(m).toHaveURL(new RegExp(`/docs/${ownDoc.slug}$`));

  // Nothing found says so.
  await m.keyboard.press("Control+k");
  await dialog.getByRole("combobox").pressSequentially("zzyzx");
  await expect(dialog.getByText("Nothing matches “zzyzx”.")).toBeVisible();
  await screens(m, "quick-search-empty");
  await a.context().close();
  await m.context().close();
});
