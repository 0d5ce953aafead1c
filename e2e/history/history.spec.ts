import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { authorWithTeammate, newUser, signUp } from "../fixtures/users";

const panel = (page: Page) => page.locator('[data-testid="review-panel"]:visible');
const reviewerRow = (page: Page, name: string) => panel(page).getByTestId("reviewer-row").filter({ hasText: name });

/** The History button of the doc page opens its side panel (fetched on first use). */
async function openHistoryPanel(page: Page) {
  await page.getByRole("main").getByRole("button", { name: "History", exact: true }).click();
  const sheet = page.getByRole("dialog", { name: "History" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId("history-panel-body").getByText("Loading the history…")).toHaveCount(0);
  return sheet;
}

async function openFullHistory(page: Page, url: string) {
  await (await openHistoryPanel(page)).getByRole("link", { name: "Open the full history" }).click();
  await expect(page).toHaveURL(`${url}/history`);
}

async function sectionVersion(page: Page, docId: string, key: string): Promise<number> {
  const doc = await (await page.request.get(`/api/docs/${docId}`)).json();
  return doc.sections.find((s: { key: string }) => s.key === key).version;
}

test("history: stale approval, diff since it, restore (counts again); as-of page; named version", async ({
  browser,
}) => {
  const { mate: reviewer, a, m: r } = await authorWithTeammate(browser);
  const { url, docId } = await createDoc(a, "Rate limiter");
  const approvedText = "A token bucket per API key, kept in Redis.";
  const saved = await putSection(a, docId!, "design-overview", 1, paragraphs(approvedText));
  expect(saved.status).toBe(200);

  // The author names this version, then asks for review.
  await a.goto(url);
  await openFullHistory(a, url);
  await a.getByLabel("Name the current version").fill("v1.0 — sent for review");
  await a.getByRole("button", { name: "Name version" }).click();
  await expect(a.getByTestId("named-versions")).toContainText("v1.0 — sent for review");
  await a.goto(url);
  await panel(a).getByRole("button", { name: "Request review" }).click();
  const dialog = a.getByRole("dialog", { name: "Request review" });
  await dialog.getByRole("checkbox", { name: reviewer.name }).check();
  await dialog.getByRole("button", { name: "Request review" }).click();
  await expect(reviewerRow(a, reviewer.name).getByText("Pending")).toBeVisible();

  // The reviewer approves.
  await r.goto(url);
  await panel(r)
    .getByRole("radio", { name: /^Approve/ })
    .check();
  await panel(r).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(r.getByTestId("signoff-banner")).toContainText(`Signed off by ${reviewer.name}`);

  // An edit after the approval makes it stale.
  const base = await sectionVersion(a, docId!, "design-overview");
  const edited = await putSection(
    a,
    docId!,
    "design-overview",
    base,
    paragraphs("A token bucket per API key, kept in Redis. Limits reset every 500 ms."),
  );
  expect(edited.status).toBe(200);
  await a.goto(url);
  await expect(reviewerRow(a, reviewer.name).getByText("Stale approval")).toBeVisible();

  // History: one click to what changed since the approval, which names the version approved.
  await openFullHistory(a, url);
  await expect(a.getByTestId("history-list")).toContainText("approved");
  await screens(a, "history-list");
  const since = a.getByTestId("since-approval");
  await expect(since).toContainText(`Since approved by ${reviewer.name}`);
  await expect(since).toContainText("v1.0 — sent for review");
  await since.click();
  await expect(a).toHaveURL(/\/history\/compare\?from=\d+/);
  const section = a.getByTestId("diff-section").filter({ hasText: "Design Overview" });
  await expect(section.locator("ins")).toContainText("Limits reset every 500 ms.");
  await expect(a.getByTestId("diff-section")).toHaveCount(1);
  await screens(a, "history-compare");

  // Restore the approved text of that section: a new version, and the approval counts again.
  await section.getByTestId("restore").click();
  const confirm = a.getByRole("dialog", { name: "Restore this section?" });
  await expect(confirm.locator('[data-change="content"]')).toContainText("Design Overview");
  await expect(confirm.getByTestId("restore-changes").locator("li")).toHaveCount(1);
  await confirm.getByTestId("confirm-restore").click();
  await expect(a).toHaveURL(new RegExp(`${url}(#design-overview)?$`));
  const doc = await (await a.request.get(`/api/docs/${docId}`)).json();
  const restored = doc.sections.find((s: { key: string }) => s.key === "design-overview");
  expect(restored.version).toBe(base + 2);
  expect(JSON.stringify(restored.content)).not.toContain("Limits reset");
  const sheet = await openHistoryPanel(a);
  await expect(sheet.getByTestId("history-burst").first()).toContainText("restored to point");
  await a.keyboard.press("Escape");
  // The approved content is current again: the approval counts (bound to the content hash of what was approved).
  const { headSeq } = await (await a.request.get(`/api/docs/${docId}/history`)).json();
  await a.goto(`${url}/history/${headSeq}`);
  await expect(a.getByTestId("doc-footer")).toContainText(`Reviewed By: ${reviewer.name}`);

  // The doc as it was when v1.0 was named: read-only, with the footer of then.
  const record = await (await a.request.get(`/api/docs/${docId}/signoff.json`)).json();
  const approval = record.approvals[0];
  expect(approval.point).toMatchObject({ namedVersion: "v1.0 — sent for review", url: expect.any(String) });
  expect(record.reviewRequests[0].point.namedVersion).toBe("v1.0 — sent for review");
  await a.goto(approval.point.url);
  await expect(a.getByTestId("doc-as-of")).toContainText(approvedText);
  await expect(a.getByTestId("doc-as-of")).not.toContainText("Limits reset");
  await expect(a.getByRole("heading", { level: 1 })).toContainText("v1.0 — sent for review");
  const today = new Date().toISOString().slice(0, 10);
  await expect(a.getByTestId("last-updated-then")).toContainText(`Last Updated: ${today}`);
  await expect(a.getByTestId("doc-footer")).toContainText(`Reviewed By: ${reviewer.name} (approved ${today}`);
  await screens(a, "history-as-of");

  // The sign-off record in Markdown links the approved version.
  const md = await (await a.request.get(`/api/docs/${docId}/signoff.md`)).text();
  expect(md).toContain(`[v1.0 — sent for review](${approval.point.url})`);

  await a.context().close();
  await r.context().close();
});

/** The doc's current point in history. */
async function headSeqOf(page: Page, docId: string): Promise<number> {
  return (await (await page.request.get(`/api/docs/${docId}/history`)).json()).headSeq;
}

async function sql(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

test("history panel: every author, events, since your last visit; the full history in reach at any width", async ({
  browser,
}) => {
  test.setTimeout(300_000); // two sign-ups by email
  const { author, mate, a, m } = await authorWithTeammate(browser, "editor");
  const { url, docId } = await createDoc(a, "Queue consumer");
  const visit = async () =>
    (
      await sql(
        `SELECT "previousSeq" FROM "DocVisit" d JOIN "User" u ON u.id = d."userId"
      WHERE u.email = $1 AND d."documentId" = $2`,
        [author.email, docId],
      )
    )[0] as { previousSeq: string | null } | undefined;
  // The author's first visit (recorded by the page), an hour ago as far as visits go.
  await expect.poll(visit).toBeTruthy();
  await sql(
    `UPDATE "DocVisit" SET "seenAt" = "seenAt" - interval '1 hour', "visitStartedAt" = "visitStartedAt"
    - interval '1 hour' WHERE "documentId" = $1`,
    [docId],
  );

  // The two work on the doc together: one entry with both of them.
  const edit = async (page: Page, key: string, text: string) =>
    expect(
      (await putSection(page, docId!, key, await sectionVersion(page, docId!, key), paragraphs(text))).status,
    ).toBe(200);
  await edit(a, "design-overview", "Consumers pull batches of 100.");
  await edit(m, "testing-strategy", "A soak test with 10k messages.");
  await edit(a, "design-overview", "Consumers pull batches of 100 and ack each.");
  // Then versions named one after another: enough entries for the panel to scroll on a phone.
  for (const n of [1, 2, 3, 4, 5, 6]) {
    await edit(a, "security-considerations", `Revision ${n} of the threat model.`);
    const named = await a.request.post(`/api/docs/${docId}/named-versions`, { data: { name: `v0.${n}` } });
    expect(named.status()).toBe(201);
  }

  await a.goto(url); // a new visit: what the author had seen then is where "since your last visit" starts
  await expect.poll(async () => (await visit())?.previousSeq ?? null).not.toBeNull();
  for (const size of [
    { width: 1280, height: 720 },
    { width: 390, height: 700 },
  ]) {
    await a.setViewportSize(size);
    await a.reload();
    const sheet = await openHistoryPanel(a);
    const together = sheet.getByTestId("history-burst").filter({ hasText: mate.name });
    await expect(together.getByTestId("burst-authors")).toHaveText(`${author.name} and ${mate.name}`);
    await expect(together).toContainText("Design Overview");
    await expect(sheet.getByTestId("history-event").filter({ hasText: "v0.6" })).toBeVisible();
    await expect(sheet.getByTestId("since-last-visit")).toBeVisible();
    // The list scrolls inside the panel; the way to the full history stays on screen.
    const full = sheet.getByRole("link", { name: "Open the full history" });
    await expect(full).toBeInViewport();
    await sheet.getByTestId("history-event").last().scrollIntoViewIfNeeded();
    await expect(full).toBeInViewport();
    await a.keyboard.press("Escape");
    await expect(sheet).toHaveCount(0);
  }
  await a.setViewportSize({ width: 1280, height: 720 });
  await openHistoryPanel(a);
  await screens(a, "history-panel", (p) => p.getByRole("dialog", { name: "History" }));

  // Each entry links to its point; "since your last visit" compares from what the author had seen.
  let sheet = a.getByRole("dialog", { name: "History" });
  await sheet.getByTestId("since-last-visit").click();
  await expect(a).toHaveURL(/\/history\/compare\?from=\d+$/);
  await expect(a.getByTestId("diff-section").filter({ hasText: "Design Overview" }).locator("ins")).toContainText(
    "ack each",
  );
  await a.goto(url);
  sheet = await openHistoryPanel(a);
  await sheet.getByTestId("history-event").filter({ hasText: "v0.3" }).getByRole("link").click();
  await expect(a.getByTestId("doc-as-of")).toContainText("Revision 3 of the threat model.");
  await a.setViewportSize({ width: 390, height: 700 });
  await a.goto(url);
  await (await openHistoryPanel(a)).getByRole("link", { name: "Open the full history" }).click();
  await expect(a).toHaveURL(`${url}/history`);

  await a.context().close();
  await m.context().close();
});

test("whole-doc restore lists what changes, brings back a removed section and removes one added since", async ({
  page,
}) => {
  await signUp(page, newUser("restorer"));
  const { url, docId } = await createDoc(page, "Cache rollout");
  const addSection = async (title: string) => {
    await page.getByRole("button", { name: "Add a section" }).click();
    await page.getByLabel("New section title").fill(title);
    await page.getByRole("button", { name: "Add section" }).click();
    await expect(page.getByRole("heading", { name: title, level: 2 })).toBeVisible();
  };
  await addSection("Rollout notes");
  expect((await putSection(page, docId!, "rollout-notes", 1, paragraphs("Ship behind a flag."))).status).toBe(200);
  const point = await headSeqOf(page, docId!);

  await page.reload();
  await page.getByRole("button", { name: "Remove section Rollout notes" }).click();
  await page.getByRole("button", { name: "Remove section", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Rollout notes", level: 2 })).toHaveCount(0);
  await addSection("Later ideas");

  await page.goto(`${url}/history/${point}`);
  await page.getByRole("button", { name: "Restore this version" }).click();
  const dialog = page.getByRole("dialog", { name: "Restore the whole doc?" });
  await expect(dialog.locator('[data-change="added"]')).toContainText("Rollout notes");
  await expect(dialog.locator('[data-change="removed"]')).toContainText("Later ideas");
  await expect(dialog.getByTestId("restore-changes").locator("li")).toHaveCount(2);
  await screens(page, "history-restore-dialog", (p) => p.getByRole("dialog"));
  await dialog.getByRole("button", { name: "Restore 2 sections" }).click();

  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { name: "Rollout notes", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Later ideas", level: 2 })).toHaveCount(0);
  const doc = await (await page.request.get(`/api/docs/${docId}`)).json();
  const notes = doc.sections.find((s: { key: string }) => s.key === "rollout-notes");
  expect(JSON.stringify(notes.content)).toContain("Ship behind a flag.");
  expect(doc.sections.map((s: { key: string }) => s.key)).not.toContain("later-ideas");
});
