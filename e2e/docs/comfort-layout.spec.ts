import { expect, test, type Locator, type Page } from "@playwright/test";
import { createDoc } from "../fixtures/docs";
import { shot } from "../fixtures/screens";
import { newUser, signUp } from "../fixtures/users";

// Issue 16 layout: the app header's controls never overlap and "Design Review" never wraps; the doc's header row has
// no stray separators on a phone; the invite card's button, alert and pending invitations (a long email included)
// stay inside the card; the Contents sidebar ellipsises long titles and shows them whole on hover.

const WIDTHS = [390, 768, 1280] as const;

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("not on screen");
  return b;
}

/** `inner` lies within `outer` horizontally (a pixel of rounding aside). */
async function expectInside(inner: Locator, outer: Locator, what: string) {
  const [i, o] = [await box(inner), await box(outer)];
  expect(i.x, `${what}: left edge`).toBeGreaterThanOrEqual(o.x - 1);
  expect(i.x + i.width, `${what}: right edge`).toBeLessThanOrEqual(o.x + o.width + 1);
}

/** The app header at this width: its controls side by side, none over another, the brand's name on one line. */
async function expectHeaderInOneRow(page: Page, width: number) {
  const header = page.locator("header.sticky").first();
  const parts = [
    header.getByRole("link", { name: "Design Review" }),
    header.getByRole("button", { name: /Switch workspace/ }),
    header.getByRole("navigation", { name: "Workspace" }),
    header.getByTestId("header-search"),
    header.getByTestId("inbox-link"),
    header.getByRole("button", { name: /Account menu/ }),
  ];
  const controls = [];
  for (const part of parts) if (await part.isVisible()) controls.push(await box(part));
  expect(controls.length, `${width}px: header controls`).toBeGreaterThanOrEqual(5);
  const row = await box(header);
  for (const [i, c] of controls.entries()) {
    expect(c.x + c.width, `${width}px: header control ${i} inside`).toBeLessThanOrEqual(row.x + row.width + 1);
    const next = controls[i + 1];
    if (next)
      expect(c.x + c.width, `${width}px: header control ${i} clear of the next`).toBeLessThanOrEqual(next.x + 1);
  }
  const brand = header.getByText("Design Review", { exact: true });
  if (await brand.isVisible()) {
    const lineHeight = await brand.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await box(brand)).height, `${width}px: "Design Review" on one line`).toBeLessThan(lineHeight * 1.5);
  }
}

async function shoot(page: Page, name: string, width: number, part?: Locator) {
  await shot(part ?? page, `test-results/screens/${name}-${width}.png`);
}

test("phone header, invite card and Contents hold their layout at 390, 768 and 1280 px", async ({ page }) => {
  await signUp(page, newUser("layout"));
  const longTitle = "Operational readiness and rollback procedures for the multi-region ledger migration";
  await createDoc(page, "A design doc whose title is long enough to wrap on a phone screen");
  await page.getByRole("button", { name: "Add a section" }).click();
  await page.getByLabel("New section title").fill(longTitle);
  await page.getByRole("button", { name: "Add section" }).click();
  await expect(page.locator("section").filter({ hasText: longTitle }).first()).toBeVisible();

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectHeaderInOneRow(page, width);
    await shoot(page, "comfort-app-header", width, page.locator("header.sticky").first());
    // The row under the title: a separator dot never starts or ends a line, or stands alone on one.
    const meta = page.locator("main header").first();
    for (const dot of await meta.locator('[aria-hidden="true"]', { hasText: "·" }).all()) {
      if (!(await dot.isVisible())) continue;
      const [d, prev, next] = [
        await box(dot),
        await box(dot.locator("xpath=preceding-sibling::*[1]")),
        await box(dot.locator("xpath=following-sibling::*[1]")),
      ];
      expect(
        Math.abs(d.y + d.height / 2 - (prev.y + prev.height / 2)),
        `${width}px: dot beside what it follows`,
      ).toBeLessThan(d.height);
      expect(
        Math.abs(d.y + d.height / 2 - (next.y + next.height / 2)),
        `${width}px: dot beside what follows it`,
      ).toBeLessThan(d.height);
    }
    await shoot(page, "comfort-doc-header", width);

    // Contents: the long title is cut with an ellipsis (nothing runs past the sidebar) and whole in its tooltip.
    const summary = page.locator("summary", { hasText: "Contents" });
    if (width < 1024) await summary.click();
    const outline = page.getByTestId("outline").filter({ visible: true });
    const entry = outline.getByRole("link", { name: longTitle });
    await expect(entry).toHaveAttribute("title", longTitle);
    await expectInside(entry, outline, `${width}px: Contents entry`);
    const label = entry.locator("span.truncate");
    expect(await label.evaluate((el) => getComputedStyle(el).textOverflow)).toBe("ellipsis");
    // In the 14rem sidebar the title does not fit: it is cut, not run past the edge (wider screens may fit it).
    if (width === 1280) expect(await label.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await shoot(page, "comfort-contents", width, outline);
    if (width < 1024) await summary.click();
  }

  // The invite card: its button and the alert after sending stay inside the card.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" }).click();
  const card = page
    .getByRole("heading", { name: "Invite people" })
    .locator("xpath=ancestor::div[contains(@class, 'rounded-md')][1]");
  const email = `a-very-long-address-for-a-teammate-of-the-platform-group-${Date.now()}@subsidiary.example.test`;
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  const alert = card.getByRole("status").filter({ hasText: "Invitation" });
  await expect(alert).toBeVisible();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectInside(card.getByRole("button", { name: "Send invitation" }), card, `${width}px: Send invitation`);
    await expectInside(alert, card, `${width}px: invitation alert`);
    await expectInside(card.getByRole("button", { name: "Copy link" }), card, `${width}px: Copy link`);
    const invitation = card.getByRole("listitem").filter({ hasText: email });
    await expectInside(invitation, card, `${width}px: pending invitation`);
    await expectInside(invitation.getByText(email), invitation, `${width}px: pending invitation's email`);
    await expectInside(invitation.getByRole("button", { name: "Withdraw" }), card, `${width}px: Withdraw`);
    await shoot(page, "comfort-invite-card", width, card);
  }
});
