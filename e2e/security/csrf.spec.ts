import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { createDoc, paragraphs, putSection } from "../fixtures/docs";
import { authorWithTeammate, newUser, signUp } from "../fixtures/users";

/** A page on another port of this site (same site, other origin), as the assessment's hostile site was. */
async function hostileSite(html: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

const statusOf = async (page: Page, docId: string) =>
  (await (await page.request.get(`/api/docs/${docId}`)).json()).status;

// Issue 13: a no-cors text/plain fetch from another origin of the same site posted a verdict, and the doc was Approved.
test("a page on another port of this site cannot approve a doc with the reviewer's cookies", async ({ browser }) => {
  const { mate, a, m } = await authorWithTeammate(browser);
  const { docId } = await createDoc(a, "CSRF target");
  await putSection(a, docId!, "design-overview", 1, paragraphs("Reviewed content"));
  const mateId = (await (await m.request.get("/api/auth/session")).json()).user.id as string;
  expect((await a.request.post(`/api/docs/${docId}/reviews`, { data: { reviewerIds: [mateId] } })).status()).toBe(201);
  const { revision } = await (await m.request.get(`/api/docs/${docId}`)).json();
  const app = new URL(m.url()).origin;

  const attack = await hostileSite(`<!doctype html><script>
    window.results = Promise.all([
      ["text/plain", ${JSON.stringify(JSON.stringify({ verdict: "approve", revision }))}],
      ["application/x-www-form-urlencoded", "verdict=approve&revision=${revision}"],
    ].map(([type, body]) => fetch(${JSON.stringify(`${app}/api/docs/${docId}/verdicts`)}, {
      method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": type }, body,
    }).then(() => "sent", (e) => String(e))));
  </script>`);
  try {
    await m.goto(attack.url);
    expect(await m.evaluate(() => (window as unknown as { results: Promise<string[]> }).results)).toEqual([
      "sent",
      "sent",
    ]);
  } finally {
    attack.close();
  }
  expect(await statusOf(m, docId!)).toBe("IN_REVIEW");
  const verdicts = (await (await m.request.get(`/api/docs/${docId}/signoff.json`)).json()).verdicts;
  expect(verdicts.filter((v: { reviewer: { name: string } }) => v.reviewer.name === mate.name)).toEqual([]);
});

// Issue 13: a cross-site form post (text/plain body shaped as JSON) signed the victim into the attacker's account.
test("login CSRF: another site's form cannot sign a visitor into the attacker's account", async ({ browser }) => {
  const attacker = newUser("attacker");
  await signUp(await (await browser.newContext()).newPage(), attacker);
  const victim = await (await browser.newContext()).newPage();
  await victim.goto("/");
  const app = new URL(victim.url()).origin;
  const field = JSON.stringify({ email: attacker.email, password: attacker.password, pad: "" }).slice(0, -2);
  const attack = await hostileSite(`<!doctype html>
    <form method="post" action="${app}/api/sign-in" enctype="text/plain">
      <input name='${field}' value='"}'>
    </form><script>document.forms[0].submit()</script>`);
  try {
    const answer = victim.waitForResponse((r) => r.url().endsWith("/api/sign-in"));
    await victim.goto(attack.url);
    expect([403, 415]).toContain((await answer).status());
  } finally {
    attack.close();
  }
  expect(await (await victim.request.get("/api/auth/session")).json()).toBeNull();
  expect((await victim.context().cookies()).filter((c) => c.name.includes("session-token"))).toEqual([]);
});
