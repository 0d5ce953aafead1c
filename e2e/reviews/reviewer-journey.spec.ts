import { expect, test, type Page } from "@playwright/test";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { authorWithTeammate } from "../fixtures/users";

const section = (page: Page, key: string) => page.locator(`section[data-section-key="${key}"]`);
const waiting = (page: Page) => page.getByTestId("waiting-for-review");

test("an invited reviewer lands in the inviting workspace, and their review waits on every home page", async ({
  browser,
}) => {
  const { author, a, m: r } = await authorWithTeammate(browser, "reviewer", { byEmail: true });
  const teamSlug = new URL(a.url()).pathname.split("/")[2]!;
  // Signing up from the invitation landed the reviewer in the team's workspace, not an empty one of their own.
  await expect(r).toHaveURL(new RegExp(`/w/${teamSlug}\\?joined=1$`));

  // A fresh doc: its sections were never written, and say so (not "Edited … by" the stamp of creating the doc).
  const { docId } = await createDoc(a, "Ledger export");
  await expect(section(a, "design-overview").getByTestId("section-unwritten")).toHaveText("Not written yet");
  await expect(section(a, "design-overview")).not.toContainText("Edited");
  const saved = await putSection(a, docId!, "design-overview", 1, paragraphs("Nightly export to S3."));
  expect(saved.status).toBe(200);
  await a.reload();
  await expect(section(a, "design-overview")).toContainText(`by ${author.name}`);
  await expect(section(a, "security-considerations").getByTestId("section-unwritten")).toBeVisible();

  const due = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
  const asked = await a.request.post(`/api/docs/${docId}/reviews`, {
    data: { reviewerIds: [await userId(r)], dueAt: due },
  });
  expect(asked.status()).toBe(201);

  // "/" takes the reviewer to the workspace where the review waits; it is listed, and marked overdue.
  await r.goto("/");
  await expect(r).toHaveURL(new RegExp(`/w/${teamSlug}$`));
  const row = waiting(r).getByRole("listitem").filter({ hasText: "Ledger export" });
  await expect(row).toBeVisible();
  await expect(row.getByText("Overdue", { exact: true })).toBeVisible();
  await screens(r, "journey-waiting-for-review");

  // Their own workspace's home lists it too, naming the workspace it is in.
  await r.getByRole("button", { name: /Switch workspace/ }).click();
  await r.getByRole("menuitem", { name: /Reviewer .*'s workspace|Reviewer's workspace/ }).click();
  await expect(r).not.toHaveURL(new RegExp(`/w/${teamSlug}`));
  const elsewhere = waiting(r).getByRole("listitem").filter({ hasText: "Ledger export" });
  await expect(elsewhere).toContainText(`in ${author.name.split(" ")[0]}'s workspace`);
  await expect(waiting(r).getByRole("heading")).toContainText("1");

  // The author's dashboard marks it overdue too.
  await a.goto(`/w/${teamSlug}`);
  await expect(
    a.getByTestId("my-docs-in-review").getByRole("listitem").filter({ hasText: "Ledger export" }).getByText("Overdue"),
  ).toBeVisible();

  await a.context().close();
  await r.context().close();
});

/** The signed-in user's id, as the review candidates API names them. */
async function userId(page: Page): Promise<string> {
  const res = await page.request.get("/api/auth/session");
  const session = (await res.json()) as { user?: { id?: string } } | null;
  if (!session?.user?.id) throw new Error("no session user id");
  return session.user.id;
}

test("after changes requested and an edit, one click asks the same reviewer again, with what changed", async ({
  browser,
}) => {
  const { author, mate: reviewer, a, m: r } = await authorWithTeammate(browser);
  const { url, docId } = await createDoc(a, "Refund service");
  expect((await putSection(a, docId!, "design-overview", 1, paragraphs("Refunds are queued."))).status).toBe(200);
  const reviewerId = await userId(r);
  expect((await a.request.post(`/api/docs/${docId}/reviews`, { data: { reviewerIds: [reviewerId] } })).status()).toBe(
    201,
  );
  const revision = (await (await r.request.get(`/api/docs/${docId}`)).json()).revision as number;
  const asked = await r.request.post(`/api/docs/${docId}/verdicts`, {
    data: { verdict: "request_changes", body: "What about partial refunds?", revision },
  });
  expect(asked.status()).toBe(201);
  expect(
    (await putSection(a, docId!, "design-overview", 2, paragraphs("Refunds are queued; partial ones too."))).status,
  ).toBe(200);

  await a.goto(url);
  const panel = a.locator('[data-testid="review-panel"]:visible');
  await panel.getByRole("button", { name: "Re-request review" }).click();
  const row = panel.getByTestId("reviewer-row").filter({ hasText: reviewer.name });
  await expect(row.getByTestId("rerequested")).toContainText("Re-requested");
  await expect(panel.getByRole("button", { name: "Re-request review" })).toHaveCount(0);

  // The reviewer is told, with the section that changed; the doc shows what changed since their verdict.
  await r.goto("/inbox");
  await expect(
    r.getByRole("link", { name: `${author.name} asked you to review “Refund service” again: changed Design Overview` }),
  ).toBeVisible();
  await r.goto(url);
  const since = r.locator('[data-testid="review-panel"]:visible').getByTestId("changes-since");
  await expect(since.locator("ins")).toContainText("partial ones too");
  await screens(r, "journey-changes-since", (p) => p.locator('[data-testid="review-panel"]:visible'));
  await r.goto("/");
  await expect(
    waiting(r).getByRole("listitem").filter({ hasText: "Refund service" }).getByText("Re-requested"),
  ).toBeVisible();

  // The email preference is the person's own and sticks.
  await r.goto("/inbox");
  await r.getByTestId("email-digest").getByRole("radio", { name: "One daily digest" }).check();
  await expect(r.getByTestId("email-digest").getByRole("radio", { name: "One daily digest" })).toBeChecked();
  await expect(r.getByTestId("email-digest")).toBeEnabled();
  await r.reload();
  await expect(r.getByTestId("email-digest").getByRole("radio", { name: "One daily digest" })).toBeChecked();
  await screens(r, "journey-inbox");

  await a.context().close();
  await r.context().close();
});
