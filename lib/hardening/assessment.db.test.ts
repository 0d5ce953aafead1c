/**
 * The outside assessment's findings (issue 13), one test each, sent the way the
 * assessor sent them: through the route handlers and server actions with real
 * requests, against a real database. Each failed before its fix. Findings that
 * need a real HTTP server (server-action bodies, the socket address) are in
 * lib/http/*.test.ts and e2e/security/; CSRF has a matrix of its own
 * (lib/csrf-matrix.db.test.ts).
 */
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { runAsActorForTest } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listDocs } from "@/lib/docs/list-docs";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { requireDocAccess } from "@/lib/docs/access";
import { adoptShareLink } from "@/lib/sharing/adopt-share-link";
import { resolveShareToken } from "@/lib/sharing/resolve-token";
import { createShareLink, listShareLinks } from "@/lib/sharing/share-links";
import { changeMemberRole, removeMember } from "@/lib/workspaces/members";
import type { Actor } from "@/lib/auth/session";
import { saveSection } from "@/lib/docs/save-section";
import { getSignOffState, listReviewCandidates } from "@/lib/reviews/queries";
import { requestReview } from "@/lib/reviews/request-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { getWorkspaceSettings, setReviewSettings } from "@/lib/workspaces/settings";
import { acceptInvitationLink } from "@/lib/auth/invitation-lookup";
import { confirmSignUp } from "@/lib/auth/confirm-sign-up";
import { addDocMember, listDocMembers, removeDocMember } from "@/lib/sharing/doc-members";
import { withTestSmtpServer } from "@/lib/testing/smtp";
import { form } from "@/lib/testing/access-matrix";
import { inviteMember } from "@/lib/workspaces/invitations";
import { createMember, createUser, TEST_PASSWORD, uniqueEmail } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { discoverEndpoints, type Endpoint } from "@/lib/testing/access-matrix";

vi.mock("next/headers", async () => (await import("@/lib/testing/next-request-mocks")).nextHeaders("203.0.113.10"));
vi.mock("next/cache", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noRevalidation,
}));
vi.mock("@/lib/auth/next-auth", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noSessionCookies,
}));

const SITE = "http://localhost:3000";
// lib/ may not import app/: the endpoints are found on disk, as the access matrix finds them.
const endpoints = await discoverEndpoints(path.resolve(import.meta.dirname, "..", ".."));
type RouteFn = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
const route = (key: string) => endpoints.find((e: Endpoint) => e.key === key)!.fn as unknown as RouteFn;
const putSection = route("PUT /api/docs/[id]/sections/[key]");
type ActionFn = (...args: unknown[]) => Promise<unknown>;
const action = (key: string) => endpoints.find((e: Endpoint) => e.key === key)!.fn as unknown as ActionFn;
const mail = withTestSmtpServer();
const listDocsRoute = route("GET /api/docs");
const jsonRequest = (url: string, method: string, body?: unknown) =>
  new Request(new URL(url, SITE), {
    method,
    headers: { "content-type": "application/json", origin: SITE, [CLIENT_ADDRESS_HEADER]: "203.0.113.10" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

describe("low: 5xx on hostile input", () => {
  it("a NUL inside a text node of a section PUT is a 422 that names it, and the section is unchanged", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { architecture: "Before" } });
    const stored = () => db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "architecture" } });
    const before = await stored();
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "a\u0000b" }] }] };
    const res = await runAsActorForTest(actor, () =>
      putSection(
        jsonRequest(`/api/docs/${doc.id}/sections/architecture`, "PUT", { baseVersion: before.version, content }),
        {
          params: Promise.resolve({ id: doc.id, key: "architecture" }),
        },
      ),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/NUL/);
    expect(await stored()).toMatchObject({ version: before.version, text: "Before" });
  });

  it.each(["-".repeat(60), "-".repeat(200), "- ".repeat(80), "-".repeat(70) + "ledger"])(
    "a search of %j answers 200 from the API and the workspace page's query",
    async (q) => {
      const { actor, workspace } = await createUser();
      await createTestDoc(actor, workspace.id, { title: "Ledger" });
      const res = await runAsActorForTest(actor, () =>
        listDocsRoute(jsonRequest(`/api/docs?workspace=${workspace.id}&q=${encodeURIComponent(q)}`, "GET"), {
          params: Promise.resolve({}),
        }),
      );
      expect(res.status).toBe(200);
      // The workspace page calls listDocs with the URL's parameters.
      await expect(listDocs(actor, workspace.id, { q })).resolves.toBeInstanceOf(Array);
    },
  );
});

describe("medium: removed members keep access through share links they created", () => {
  async function linkBy(role: "MEMBER" | "ADMIN", how: "workspace" | "doc" = "workspace") {
    const { actor: owner, workspace } = await createUser({ name: "Olive Owner" });
    const doc = await createTestDoc(owner, workspace.id, { sections: { architecture: "Secret plan" } });
    const creator =
      how === "workspace"
        ? (await createMember(workspace.id, role, "Cal Creator")).actor
        : (await createUser({ name: "Dee DocEditor" })).actor;
    if (how === "doc")
      await db.docMember.create({
        data: { documentId: doc.id, userId: creator.id, role: "EDITOR", addedById: owner.id },
      });
    const { token, link } = await createShareLink(creator, doc.id, { role: "comment" }, SITE);
    const opens = async () =>
      (await resolveShareToken(token, { recordUse: false }).catch((e: { code: string }) => ({ status: e.code })))
        .status;
    const state = async () => (await listShareLinks(owner, doc.id)).find((l) => l.id === link.id)!.state;
    return { owner, workspace, doc, creator, token, link, opens, state };
  }

  it("removed from the workspace: the link 404s at once, shows as stopped, works again once taken over", async () => {
    const t = await linkBy("MEMBER");
    expect(await t.opens()).toBe("open");
    const membership = await db.membership.findFirstOrThrow({
      where: { userId: t.creator.id, workspaceId: t.workspace.id },
    });
    await removeMember(t.owner, t.workspace.id, { membershipId: membership.id });
    expect(await t.opens()).toBe("NOT_FOUND");
    await expect(requireDocAccess({ kind: "link", linkId: t.link.id }, { id: t.doc.id }, "view")).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(await t.state()).toBe("stopped");
    const adopted = await adoptShareLink(t.owner, t.doc.id, t.link.id);
    expect(adopted).toMatchObject({ state: "active", createdBy: "Olive Owner" });
    expect(await t.opens()).toBe("open");
  });

  it("role lowered to viewer: the link stops", async () => {
    const t = await linkBy("MEMBER");
    const membership = await db.membership.findFirstOrThrow({
      where: { userId: t.creator.id, workspaceId: t.workspace.id },
    });
    await changeMemberRole(t.owner, t.workspace.id, { membershipId: membership.id, role: "VIEWER" });
    expect(await t.opens()).toBe("NOT_FOUND");
    expect(await t.state()).toBe("stopped");
  });

  it("removed from the doc they were invited to: the link stops", async () => {
    const t = await linkBy("MEMBER", "doc");
    expect(await t.opens()).toBe("open");
    await removeDocMember(t.owner, t.doc.id, t.creator.id);
    expect(await t.opens()).toBe("NOT_FOUND");
  });

  it("a link that works cannot be taken over", async () => {
    const t = await linkBy("ADMIN");
    await expect(adoptShareLink(t.owner, t.doc.id, t.link.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("medium: a reviewer can approve their own work", () => {
  async function edit(actor: Actor, docId: string, key: string, text: string) {
    const { version } = await db.section.findFirstOrThrow({ where: { documentId: docId, key } });
    await saveSection(actor, docId, key, { baseVersion: version, content: paragraph(text) });
  }
  const revisionOf = async (docId: string) =>
    (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { revision: true } })).revision;
  const statusOf = async (docId: string) =>
    (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { status: true } })).status;
  const approve = async (actor: Actor, docId: string) =>
    submitVerdict(actor, docId, { kind: "APPROVE", revision: await revisionOf(docId) });

  async function setup() {
    const { actor: author, workspace } = await createUser({ name: "Ada Author" });
    const eddie = (await createMember(workspace.id, "MEMBER", "Eddie Editor")).actor;
    const rita = (await createMember(workspace.id, "MEMBER", "Rita Reviewer")).actor;
    const doc = await createTestDoc(author, workspace.id, {
      sections: { "design-overview": "Overview", architecture: "Two services" },
    });
    return { author, workspace, eddie, rita, doc };
  }

  it("nobody may ask themselves for a review", async () => {
    const { eddie, doc } = await setup();
    await expect(requestReview(eddie, doc.id, { reviewerIds: [eddie.id] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("cannot ask yourself"),
    });
    expect((await listReviewCandidates(eddie, doc.id)).map((c) => c.id)).not.toContain(eddie.id);
  });

  it("an editor who edited the doc cannot approve it; their approval never makes it Approved", async () => {
    const { author, eddie, rita, doc } = await setup();
    await edit(eddie, doc.id, "architecture", "Two services, one queue");
    await requestReview(author, doc.id, { reviewerIds: [eddie.id] });
    await expect(approve(eddie, doc.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("You edited Architecture since this doc was last approved"),
    });
    expect(await statusOf(doc.id)).toBe("IN_REVIEW");
    const state = await getSignOffState(eddie, doc.id);
    expect(state.me).toMatchObject({ canApprove: false, cannotApprove: expect.stringContaining("Architecture") });
    // They may still comment, and someone who did not edit approves.
    await submitVerdict(eddie, doc.id, { kind: "COMMENT", body: "Looks right", revision: await revisionOf(doc.id) });
    await requestReview(author, doc.id, { reviewerIds: [rita.id], rule: "AT_LEAST", requiredApprovals: 1 });
    await approve(rita, doc.id);
    expect(await statusOf(doc.id)).toBe("APPROVED");
  });

  it("counts only the covered sections, and only edits since the doc was last approved", async () => {
    const { author, eddie, rita, doc } = await setup();
    await edit(eddie, doc.id, "architecture", "Eddie's architecture");
    // Asked to review the overview only, which Eddie never touched: he may approve it.
    await requestReview(author, doc.id, { reviewerIds: [eddie.id], sectionKeys: ["design-overview"] });
    await approve(eddie, doc.id);
    expect(await statusOf(doc.id)).toBe("APPROVED");
    // A new round: the whole doc. Eddie's edit came before the last approval, so it no longer counts against him.
    await edit(rita, doc.id, "design-overview", "Rita's overview");
    await requestReview(author, doc.id, { reviewerIds: [eddie.id], sectionKeys: [] });
    await approve(eddie, doc.id);
    expect(await statusOf(doc.id)).toBe("APPROVED");
  });

  it("a workspace may turn the rule off, and only its owners and admins may", async () => {
    const { author, eddie, workspace, doc } = await setup();
    await edit(eddie, doc.id, "architecture", "Two services, one queue");
    await requestReview(author, doc.id, { reviewerIds: [eddie.id] });
    await expect(setReviewSettings(eddie, workspace.id, { independentApproval: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await getWorkspaceSettings(eddie, workspace.id)).toEqual({ independentApproval: true });
    await setReviewSettings(author, workspace.id, { independentApproval: false });
    await approve(eddie, doc.id);
    expect(await statusOf(doc.id)).toBe("APPROVED");
  });
});

describe("low: account enumeration, and strangers added to docs without consent", () => {
  const signUpAction = action("(auth)/actions.ts#signUpAction");
  const fields = (email: string, name = "Sam Signup") => form({ name, email, password: TEST_PASSWORD });
  const tokenIn = (body: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(body)?.[1];

  it("sign-up answers exactly the same for a taken and a free address; the owner is told by email", async () => {
    const { actor: taken } = await createUser({ name: "Tara Taken" });
    const free = uniqueEmail("free");
    const answerTaken = await signUpAction(null, fields(taken.email));
    const answerFree = await signUpAction(null, fields(free));
    expect(answerTaken).toEqual({ ok: true, data: { email: taken.email, mailConfigured: true } });
    expect(answerFree).toEqual({ ok: true, data: { email: free, mailConfigured: true } });
    // Nothing was created for either until an emailed link is used.
    expect(await db.user.count({ where: { email: { in: [taken.email, free] } } })).toBe(1);
    expect((await mail.mailTo(taken.email)).subject).toMatch(/Someone tried to create a Design Review account/);
    const confirmation = await mail.mailTo(free);
    expect(confirmation.subject).toMatch(/Confirm your email/);

    const token = tokenIn(confirmation.body, "/confirm-email");
    const { userId, redirectTo } = await confirmSignUp(token);
    expect(redirectTo).toMatch(/^\/w\/[a-z0-9-]+\?welcome=1$/);
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      email: free,
      name: "Sam Signup",
    });
    await expect(confirmSignUp(token)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sign-up from an invitation joins once the address is confirmed", async () => {
    const { actor: owner, workspace } = await createUser({ name: "Olive Owner" });
    const email = uniqueEmail("invitee");
    const { link } = await inviteMember(owner, workspace.id, { email, role: "MEMBER" }, SITE);
    await signUpAction(
      null,
      form({ name: "Ivy Invitee", email, password: TEST_PASSWORD, invitation: link.split("/invite/")[1]! }),
    );
    const { redirectTo } = await confirmSignUp(tokenIn((await mail.mailTo(email, /Confirm/)).body, "/confirm-email"));
    expect(redirectTo).toBe(`/w/${workspace.slug}?joined=1`);
  });

  it("sign-up is rate limited per address and per email", async () => {
    const email = uniqueEmail("flood");
    for (let i = 0; i < 3; i++) expect(await signUpAction(null, fields(email))).toMatchObject({ ok: true });
    expect(await signUpAction(null, fields(email))).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    for (let i = 0; i < 7; i++) expect(await signUpAction(null, fields(uniqueEmail()))).toMatchObject({ ok: true });
    expect(await signUpAction(null, fields(uniqueEmail()))).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("adding a doc member from outside the workspace invites them, the same whether or not they exist", async () => {
    const { actor: owner, workspace } = await createUser({ name: "Olive Owner" });
    const doc = await createTestDoc(owner, workspace.id);
    const { actor: stranger } = await createUser({ name: "Stella Stranger" });
    const nobody = uniqueEmail("nobody");
    const forStranger = await addDocMember(owner, doc.id, { email: stranger.email, role: "VIEWER" }, SITE);
    const forNobody = await addDocMember(owner, doc.id, { email: nobody, role: "VIEWER" }, SITE);
    const shape = (a: typeof forStranger) => ({
      ...a,
      email: "…",
      link: a.kind === "invited" && a.link.replace(/\/invite\/.*/, ""),
    });
    expect(shape(forStranger)).toEqual(shape(forNobody));
    expect(JSON.stringify(forStranger)).not.toContain("Stella");
    // Not on the doc until they accept.
    await expect(requireDocAccess(stranger, { id: doc.id }, "view")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listDocMembers(owner, doc.id)).map((m) => m.email)).toEqual([]);
    await acceptInvitationLink(stranger, tokenIn((await mail.mailTo(stranger.email)).body, "/invite")!);
    expect((await requireDocAccess(stranger, { id: doc.id }, "view")).role).toBe("viewer");
  });
});
