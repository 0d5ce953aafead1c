import { expect, test, type BrowserContext, type Page, type WebSocketRoute } from "@playwright/test";
import * as Y from "yjs";
import { editorOf, ownerAndMember, startEditing, storedText } from "../fixtures/collab";
import { screens } from "../fixtures/screens";
import { signOut } from "../fixtures/users";

const overview = (page: Page) => page.locator("section#design-overview");
const banner = (page: Page) => page.getByTestId("offline-banner");
const keptOnDevice = /^Offline — \d+ changes? kept on this device$/;

/** The section's text as this browser's device copy (IndexedDB) holds it, read back with Yjs. */
async function deviceCopyText(page: Page, key: string): Promise<string> {
  const updates = await page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const out: number[][] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith("design-review-live:")) continue;
      const db = await request(indexedDB.open(name));
      if (db.objectStoreNames.contains("updates")) {
        const all = await request(db.transaction("updates").objectStore("updates").getAll());
        for (const update of all) out.push(Array.from(update as Uint8Array));
      }
      db.close();
    }
    return out;
  });
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, Uint8Array.from(update));
  return doc.getXmlFragment(key).toString();
}

test("typing offline stays on the device and merges on reconnect, also after the tab was closed and reopened", async ({
  browser,
}) => {
  const { owner, ownerCtx, page, url, docId, close } = await ownerAndMember(browser, "MEMBER", "Offline edits");
  await startEditing(owner, "Design Overview");
  await owner.keyboard.type("Written online.");
  await expect(overview(page)).toContainText("Written online.");
  // Stored, and the page's own refresh after the store is done (a request cut off by going offline is the case the
  // page guards against, but then Next reloads the page: not what this test is about).
  await expect(owner.locator("section#design-overview").getByRole("status").first()).toContainText("Saved");
  await owner.waitForLoadState("networkidle");

  // The network goes away while typing: the text stays here, counted, and merges once it is back.
  await ownerCtx.setOffline(true);
  await expect(banner(owner)).toBeVisible();
  await owner.keyboard.type(" Typed on the train.");
  await expect(banner(owner)).toHaveText(keptOnDevice);
  await screens(owner, "collab-offline-banner");
  await ownerCtx.setOffline(false);
  await expect(overview(page)).toContainText("Typed on the train.");
  await expect(banner(owner)).toHaveCount(0);

  // Offline again, and the tab is closed before the network returns: only this device has the words.
  await ownerCtx.setOffline(true);
  await expect(banner(owner)).toBeVisible();
  await owner.keyboard.type(" Kept through a closed tab.");
  await expect(banner(owner)).toHaveText(keptOnDevice);
  // The tab is closed once the words are on the device (IndexedDB writes each keystroke a moment after it is typed).
  await expect.poll(() => deviceCopyText(owner, "design-overview")).toContain("Kept through a closed tab.");
  await owner.close();
  await ownerCtx.setOffline(false);

  // Reopened while the live server is still out of reach (the page loads, its socket does not connect).
  const reopened = await ownerCtx.newPage();
  let reachable = false;
  await reopened.routeWebSocket(
    (u) => u.protocol === "ws:" || u.protocol === "wss:",
    (ws) => (reachable ? ws.connectToServer() : ws.close({ code: 1006 })),
  );
  await reopened.goto(url);
  await expect(overview(reopened)).toContainText("Kept through a closed tab.");
  await expect(banner(reopened)).toHaveText(keptOnDevice);
  await expect(overview(page)).not.toContainText("Kept through a closed tab.");
  await screens(reopened, "collab-offline-reopened");

  // Back online: the other person sees the words, the server stores them, and a reload shows them to both.
  reachable = true;
  await expect(overview(page)).toContainText("Kept through a closed tab.", { timeout: 30_000 });
  await expect(banner(reopened)).toHaveCount(0);
  await expect
    .poll(() => storedText(page, docId, "design-overview"), { timeout: 30_000 })
    .toContain("Kept through a closed tab.");
  for (const p of [reopened, page]) {
    await p.reload();
    await expect(overview(p)).toContainText("Written online. Typed on the train. Kept through a closed tab.");
  }

  // Signing out takes what this device kept of the doc with it.
  const kept = () => reopened.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ""));
  expect((await kept()).some((name) => name.startsWith("design-review-live:"))).toBe(true);
  await signOut(reopened);
  expect((await kept()).filter((name) => name.startsWith("design-review-live:"))).toEqual([]);
  await close();
});

test("the network dropping while the page fetches its data again leaves the page and its editor as they are", async ({
  browser,
}) => {
  const { owner, ownerCtx, page, url, close } = await ownerAndMember(browser, "MEMBER", "Refresh cut off");
  await startEditing(owner, "Design Overview");
  await owner.waitForLoadState("networkidle");
  // The page's next fetch of its data (after its own store) is cut off by the network going away. Next used to fall
  // back to loading the page anew, which offline is the browser's error page: editor, typing and banner gone.
  const path = new URL(url).pathname;
  let cut = false;
  let fetched = 0;
  await owner.route(
    (u) => u.pathname === path,
    async (route) => {
      const request = route.request();
      if (request.method() !== "GET" || request.headers()["rsc"] !== "1") return route.fallback();
      if (cut) {
        fetched += 1;
        return route.fallback();
      }
      cut = true;
      await ownerCtx.setOffline(true);
      return route.abort("internetdisconnected");
    },
  );
  await owner.keyboard.type("Before the cut.");
  await expect.poll(() => cut, { timeout: 30_000 }).toBe(true);

  await expect(banner(owner)).toBeVisible();
  await owner.keyboard.type(" After the cut.");
  await expect(banner(owner)).toHaveText(keptOnDevice);
  await expect(overview(owner)).toContainText("Before the cut. After the cut.");
  expect(owner.url()).toBe(url);
  // Another section opens for editing offline too: its text is in the doc this page holds.
  await owner.getByRole("button", { name: "Edit Architecture" }).click();
  await editorOf(owner, "Architecture").click();
  await owner.keyboard.type("Drawn offline.");
  await expect(owner.locator("section#architecture")).toContainText("Drawn offline.");
  await screens(owner, "collab-offline-second-section");

  // Back online: the typing merges, and the page's data is fetched once more (its stamps, the outline's count).
  await ownerCtx.setOffline(false);
  await expect(page.locator("section#architecture")).toContainText("Drawn offline.");
  await expect(overview(page)).toContainText("Before the cut. After the cut.");
  await expect(banner(owner)).toHaveCount(0);
  await expect.poll(() => fetched, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(owner.url()).toBe(url);
  await close();
});

/**
 * Opens `url` in a new tab of `ctx` whose live server can be cut off (a dropped network, as the socket sees it) and
 * let back; `reachable: false` opens it cut off (the page itself loads).
 */
async function openTab(ctx: BrowserContext, url: string, reachable = true) {
  const page = await ctx.newPage();
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(
    (u) => u.protocol === "ws:" || u.protocol === "wss:",
    (ws) => {
      if (!reachable) return ws.close({ code: 1006 });
      ws.connectToServer();
      open.add(ws);
    },
  );
  await page.goto(url);
  const cut = () => {
    reachable = false;
    for (const ws of open) void ws.close({ code: 1006 });
    open.clear();
  };
  return { page, cut, reach: () => void (reachable = true) };
}

/** A new tab of `ctx` on `url`, editing the end of Design Overview, offline (network and socket), `words` typed. */
async function typeOfflineInNewTab(ctx: BrowserContext, url: string, words: string) {
  const { page, cut } = await openTab(ctx, url);
  await startEditing(page, "Design Overview");
  await page.keyboard.press("ControlOrMeta+End");
  await ctx.setOffline(true);
  cut();
  await expect(banner(page)).toBeVisible();
  await page.keyboard.type(words);
  return page;
}

test("the last words typed offline survive a tab closed at once, and merge once back online", async ({ browser }) => {
  const { owner, ownerCtx, page, url, docId, close } = await ownerAndMember(browser, "MEMBER", "Closed at once");
  await startEditing(owner, "Design Overview");
  await owner.keyboard.type("Written online.");
  await expect(owner.locator("section#design-overview").getByRole("status").first()).toContainText("Saved");
  await owner.waitForLoadState("networkidle");

  // Offline, a few words, and the tab is closed on the last keystroke: nothing waits for the device copy.
  await ownerCtx.setOffline(true);
  await expect(banner(owner)).toBeVisible();
  await owner.keyboard.type(" Closed at once.");
  await owner.close();
  await ownerCtx.setOffline(false);

  const first = await openTab(ownerCtx, url, false);
  await expect(overview(first.page)).toContainText("Written online. Closed at once.");
  await expect(banner(first.page)).toHaveText(keptOnDevice);
  await screens(first.page, "collab-offline-closed-at-once");
  first.reach();
  await expect(overview(page)).toContainText("Written online. Closed at once.", { timeout: 30_000 });
  await expect(banner(first.page)).toHaveCount(0);

  await first.page.close();

  // Again, closed the way a person closes it (the page's unload handlers run).
  const again = await typeOfflineInNewTab(ownerCtx, url, " Closed with its handlers.");
  const closed = again.waitForEvent("close");
  await again.close({ runBeforeUnload: true }); // returns before the page is gone
  await closed;
  await ownerCtx.setOffline(false);

  const second = await openTab(ownerCtx, url, false);
  await expect(overview(second.page)).toContainText("Closed at once. Closed with its handlers.");
  await expect(banner(second.page)).toHaveText(keptOnDevice);
  await expect(overview(page)).not.toContainText("Closed with its handlers.");
  second.reach();
  await expect(overview(page)).toContainText("Closed with its handlers.", { timeout: 30_000 });
  await expect(banner(second.page)).toHaveCount(0);
  await expect
    .poll(() => storedText(page, docId, "design-overview"), { timeout: 30_000 })
    .toContain("Written online. Closed at once. Closed with its handlers.");
  for (const p of [second.page, page]) {
    await p.reload();
    await expect(overview(p)).toContainText("Written online. Closed at once. Closed with its handlers.");
  }

  // What a closed tab left on this device goes with its person when they sign out (here from another page): the next
  // person who uses this browser finds none of it.
  await second.page.close();
  const last = await typeOfflineInNewTab(ownerCtx, url, " Signed out after.");
  await last.close();
  await ownerCtx.setOffline(false);
  const elsewhere = await ownerCtx.newPage();
  await elsewhere.goto(new URL("/", url).href);
  await signOut(elsewhere);
  const keptHere = await elsewhere.evaluate(async () => ({
    storage: Object.keys(localStorage).filter((key) => key.includes("journal")),
    databases: (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("design-review")),
  }));
  expect(keptHere).toEqual({ storage: [], databases: [] });
  await close();
});
