import { expect, test, type Page } from "@playwright/test";
import { createDoc } from "../fixtures/docs";
import { authorWithTeammate } from "../fixtures/users";

/** Type at the end of a section in the real editor and wait until it is saved. */
async function editSection(page: Page, title: string, text: string) {
  const section = page.locator("section.section-block").filter({ has: page.getByRole("heading", { name: title }) });
  await section.getByRole("button", { name: `Edit ${title}` }).click();
  const editor = section.locator(".ProseMirror");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
  await expect(section.getByText(/^Saved/)).toBeVisible();
}

const panel = (page: Page) => page.locator('[data-testid="review-panel"]:visible');
const reviewerRow = (page: Page, name: string) => panel(page).getByTestId("reviewer-row").filter({ hasText: name });

test("review flow: request → changes → approve → stale on edit (diff) → approve again; audit export lists all", async ({
  browser,
}) => {
  // The reviewer joins the author's workspace through an invitation.
  const { author, mate: reviewer, a, m: r } = await authorWithTeammate(browser);

  // The author writes the overview in the editor and asks for review.
  const { url, docId } = await createDoc(a, "Rate limiter");
  await editSection(a, "Design Overview", "A token bucket per API key, kept in Redis.");
  await a.reload();
  await expect(panel(a).getByText("No reviewers asked yet")).toBeVisible();
  await panel(a).getByRole("button", { name: "Request review" }).click();
  const dialog = a.getByRole("dialog", { name: "Request review" });
  await dialog.getByRole("checkbox", { name: reviewer.name }).check();
  await dialog.getByLabel("Message").fill("Mostly the Redis part, please.");
  await dialog.getByRole("button", { name: "Request review" }).click();
  await expect(reviewerRow(a, reviewer.name).getByText("Pending")).toBeVisible();
  await expect(panel(a).getByText("In review", { exact: true })).toBeVisible();

  // The reviewer finds it in the inbox and requests changes.
  await r.goto("/inbox");
  await expect(r.getByRole("link", { name: /Inbox, 1 unread/ })).toBeVisible();
  await r.getByRole("link", { name: `${author.name} asked you to review “Rate limiter”` }).click();
  await expect(r).toHaveURL(url);
  await expect(panel(r).getByText("Mostly the Redis part, please.")).toBeVisible();
  await panel(r)
    .getByRole("radio", { name: /Request changes/ })
    .check();
  await panel(r).getByLabel("Message").fill("What happens when Redis is down?");
  await panel(r).getByRole("button", { name: "Request changes", exact: true }).click();
  await expect(reviewerRow(r, reviewer.name).getByText("Changes requested")).toBeVisible();

  // The author answers with an edit; the reviewer approves.
  await a.reload();
  await expect(reviewerRow(a, reviewer.name).getByText("What happens when Redis is down?")).toBeVisible();
  await editSection(a, "Design Overview", " When Redis is down we fail open.");
  await r.reload();
  // Nothing is chosen for the reviewer: the button cannot be pressed until a verdict is.
  await expect(panel(r).getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(panel(r).getByTestId("submit-verdict")).toBeDisabled();
  await expect(panel(r).getByTestId("submit-verdict")).toHaveText("Choose a verdict");
  await panel(r)
    .getByRole("radio", { name: /^Approve/ })
    .check();
  await panel(r).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(r.getByTestId("signoff-banner")).toContainText(`Signed off by ${reviewer.name}`);
  const today = new Date().toISOString().slice(0, 10);
  await a.reload();
  await expect(a.getByTestId("doc-footer")).toContainText(
    new RegExp(`Reviewed By: ${reviewer.name} \\(approved ${today}, revision \\d+\\)`),
  );

  // An edit to the approved section makes the approval stale; the reviewer sees what changed.
  await editSection(a, "Design Overview", " Limits reset every 500 ms.");
  await r.reload();
  await expect(reviewerRow(r, reviewer.name).getByText("Stale approval")).toBeVisible();
  await expect(panel(r).getByText("In review", { exact: true })).toBeVisible();
  const diff = panel(r).getByTestId("stale-diff");
  await expect(diff.locator("ins")).toContainText("Limits reset every 500 ms.");
  await expect(diff).toContainText("Design Overview");
  // The stale approval stays in the footer and the export, marked as stale, with the section that changed.
  const staleStamp = new RegExp(
    `Reviewed By: ${reviewer.name} — approved revision \\d+, stale since Design Overview changed`,
  );
  await expect(r.getByTestId("doc-footer")).toContainText(staleStamp);
  const staleExport = await (await r.request.get(`/api/docs/${docId}/export.md`)).text();
  expect(staleExport).toMatch(
    new RegExp(
      `\\*\\*Reviewed By:\\*\\* ${reviewer.name} — approved revision \\d+, stale since Design Overview changed`,
    ),
  );
  await panel(r).getByRole("button", { name: "Approve again" }).click();
  await expect(reviewerRow(r, reviewer.name).getByText("Approved")).toBeVisible();
  await expect(panel(r).getByText("Approved", { exact: true }).first()).toBeVisible();
  await expect(r.getByTestId("reviewed-by")).toContainText(reviewer.name);

  // The sign-off record lists every approval and the whole trail.
  const record = await (await a.request.get(`/api/docs/${docId}/signoff.json`)).json();
  expect(record.document.status).toBe("APPROVED");
  expect(record.approvals).toHaveLength(2);
  expect(record.approvals[0]).toMatchObject({ reviewer: reviewer.name, current: false, staleAt: expect.any(String) });
  expect(record.approvals[1]).toMatchObject({ reviewer: reviewer.name, current: true, staleAt: null });
  for (const approval of record.approvals) expect(approval.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(record.verdicts.map((v: { kind: string }) => v.kind)).toEqual(["REQUEST_CHANGES", "APPROVE", "APPROVE"]);
  const types: string[] = record.events.map((e: { type: string }) => e.type);
  for (const type of ["review.requested", "verdict.submitted", "approval.stale", "status.changed"])
    expect(types).toContain(type);
  const statuses = record.events
    .filter((e: { type: string }) => e.type === "status.changed")
    .map((e: { text: string }) => e.text);
  expect(statuses).toEqual([
    "Status: Draft → In review",
    "Status: In review → Changes requested",
    "Status: Changes requested → Approved",
    "Status: Approved → In review",
    "Status: In review → Approved",
  ]);
  const md = await (await a.request.get(`/api/docs/${docId}/signoff.md`)).text();
  expect(md).toContain(`| ${reviewer.name} |`);
  expect(md).toContain(record.approvals[1].contentHash);
  expect(md).toContain(`${reviewer.name}'s approval of revision`);

  await a.context().close();
  await r.context().close();
});
