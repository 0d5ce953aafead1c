import { expect, test, type Page } from "@playwright/test";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { authorWithTeammate } from "../fixtures/users";

// Repeat reads of an unchanged doc come from the page cache (lib/docs/page-cache.ts).
// What a reader must never notice: someone else's page, or an old one after a change.
const cacheOf = async (page: Page, load: Promise<unknown>) => {
  const response = (await load) as Awaited<ReturnType<Page["goto"]>>;
  expect(response?.status()).toBe(200);
  return response?.headers()["x-page-cache"] ?? "none";
};

test("the page cache serves each reader their own page, and a change at the very next load", async ({ browser }) => {
  const { author, mate, a, m } = await authorWithTeammate(browser, "mate");

  const { url, docId } = await createDoc(a, "Cache invalidation");
  await cacheOf(a, a.goto(url));
  expect(await cacheOf(a, a.reload())).toBe("hit");
  await expect(a.getByRole("button", { name: /Account menu/ })).toHaveAccessibleName(
    new RegExp(`Account menu for ${author.name}`),
  );

  // The teammate gets a page of their own: their name in the header, not the author's.
  expect(await cacheOf(m, m.goto(url))).toBe("miss");
  const mateMenu = m.getByRole("button", { name: /Account menu/ });
  await expect(mateMenu).toHaveAccessibleName(new RegExp(`Account menu for ${mate.name}`));
  expect(await cacheOf(m, m.reload())).toBe("hit");
  await expect(mateMenu).toHaveAccessibleName(new RegExp(`Account menu for ${mate.name}`));

  // The teammate writes; the author's next load shows it (rendered afresh), and the one after is cached again.
  const overview = (await (await m.request.get(`/api/docs/${docId}/sections/design-overview`)).json()) as {
    version: number;
  };
  expect(
    (await putSection(m, docId!, "design-overview", overview.version, paragraphs("Written by the teammate."))).status,
  ).toBe(200);
  expect(await cacheOf(a, a.reload())).toBe("miss");
  const section = a.locator("section#design-overview");
  await expect(section.getByText("Written by the teammate.")).toBeVisible();
  await expect(section.getByText(`by ${mate.name}`)).toBeVisible();
  expect(await cacheOf(a, a.reload())).toBe("hit");
  await expect(section.getByText("Written by the teammate.")).toBeVisible();

  // A client-side navigation (RSC) and a load with a query string are rendered, never cached.
  const navigation = await a.request.get(url, { headers: { RSC: "1" } });
  expect(navigation.headers()["content-type"]).toContain("text/x-component");
  expect(navigation.headers()["x-page-cache"]).toBeUndefined();
  expect(await cacheOf(a, a.goto(`${url}?from=test`))).toBe("none");
  await expect(section.getByText("Written by the teammate.")).toBeVisible();
});
