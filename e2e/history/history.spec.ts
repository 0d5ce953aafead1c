import { expect, test, type Page } from "@playwright/test";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { authorWithTeammate } from "../fixtures/users";

const panel = (page: Page) => page.locator('[data-testid="review-panel"]:visible');
const reviewerRow = (page: Page, name: string) => panel(page).getByTestId("reviewer-row").filter({ hasText: name });

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
  await a.getByTestId("history-link").click();
  await expect(a).toHaveURL(`${url}/history`);
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
  await a.getByTestId("history-link").click();
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
  await section.getByTestId("confirm-restore").click();
  await expect(a).toHaveURL(new RegExp(`${url}(#design-overview)?$`));
  const doc = await (await a.request.get(`/api/docs/${docId}`)).json();
  const restored = doc.sections.find((s: { key: string }) => s.key === "design-overview");
  expect(restored.version).toBe(base + 2);
  expect(JSON.stringify(restored.content)).not.toContain("Limits reset");
  await a.getByTestId("history-link").click();
  await expect(a.getByTestId("history-burst").first()).toContainText("restored to point");
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
