import { expect, test } from "@playwright/test";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { screens } from "../fixtures/screens";
import { authorWithTeammate } from "../fixtures/users";

const panel = (page: import("@playwright/test").Page) => page.locator('[data-testid="review-panel"]:visible');

// Issue 13: an editor who is not the author asked for their own review and approved, and the doc became Approved.
test("a reviewer who edited a section cannot approve it, sees why, and the workspace setting says the rule", async ({
  browser,
}) => {
  const { author, mate, a, m } = await authorWithTeammate(browser);
  const { docId, url } = await createDoc(a, "Independent review");
  await putSection(a, docId!, "design-overview", 1, paragraphs("The author's overview"));
  expect((await putSection(m, docId!, "design-overview", 2, paragraphs("The teammate's overview"))).status).toBe(200);
  const mateId = (await (await m.request.get("/api/auth/session")).json()).user.id as string;

  // Nobody may ask themselves.
  const self = await m.request.post(`/api/docs/${docId}/reviews`, { data: { reviewerIds: [mateId] } });
  expect(self.status()).toBe(422);
  expect((await self.json()).error.message).toMatch(/cannot ask yourself/);
  expect((await a.request.post(`/api/docs/${docId}/reviews`, { data: { reviewerIds: [mateId] } })).status()).toBe(201);

  await m.goto(url);
  await expect(panel(m).getByTestId("cannot-approve")).toContainText(
    "You edited Design Overview since this doc was last approved",
  );
  await expect(panel(m).getByRole("radio", { name: /^Approve/ })).toBeDisabled();
  await expect(panel(m).getByRole("radio", { name: /Request changes/ })).toBeEnabled();
  await screens(m, "review-panel-cannot-approve", panel);
  const { revision } = await (await m.request.get(`/api/docs/${docId}`)).json();
  const forced = await m.request.post(`/api/docs/${docId}/verdicts`, { data: { verdict: "approve", revision } });
  expect(forced.status()).toBe(403);
  expect((await (await m.request.get(`/api/docs/${docId}`)).json()).status).toBe("IN_REVIEW");

  // The owner finds the rule in the workspace settings.
  await a.getByRole("link", { name: "Settings" }).click();
  await expect(a.getByRole("checkbox", { name: "Approvals must be independent" })).toBeChecked();
  await screens(a, "settings-reviews");
  expect(author.name).not.toBe(mate.name);
});
