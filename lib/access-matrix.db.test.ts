/**
 * THE access matrix: every route handler and every server action under app/ ×
 * every kind of caller → the outcome. Endpoints are discovered on disk
 * (lib/testing/access-matrix.ts), so a new route or action without a row here fails
 * the first test, and a row for something that no longer exists fails it too.
 *
 * Adding a row: key it as the failure message says ("METHOD /path" or
 * "file#exportName"), give `call` (how to invoke it against the fixture doc) and
 * `expect` — usually one of the presets below. Mark `fresh: true` when it changes
 * the doc, so every caller starts from the same state.
 *
 * Callers: stranger (signed in, no relation) · wsViewer (workspace VIEWER) ·
 * docReviewer (invited to this doc alone as REVIEWER, not a workspace member) ·
 * editor (workspace MEMBER) · owner (workspace OWNER, the doc's author) · viewLink,
 * commentLink, revokedLink, expiredLink (signed out, holding a share-link token).
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import path from "node:path";
import { runAsActorForTest } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createTemplate } from "@/lib/templates/mutations";
import { requestReview } from "@/lib/reviews/request-review";
import { sha256Hex } from "@/lib/crypto";
import { paragraph } from "@/prisma/factories-docs";
import { commentBody, createTestThread } from "@/prisma/factories-comments";
import { uniqueEmail } from "@/prisma/factories";
import {
  CALLERS,
  callerIdentity,
  callRoute,
  createDocFixture,
  createWorld,
  discoverEndpoints,
  form,
  outcomeOf,
  type CallerName,
  type DocFixture,
  type Endpoint,
  type Outcome,
  type World,
} from "@/lib/testing/access-matrix";

// Next's request-scoped helpers without a request (lib/testing/next-request-mocks.ts):
// authorization is all that is under test.
vi.mock("next/headers", async () => (await import("@/lib/testing/next-request-mocks")).nextHeaders("203.0.113.7"));
vi.mock("next/cache", async (original) => ({ ...(await original<object>()), ...(await import("@/lib/testing/next-request-mocks")).noRevalidation }));
vi.mock("@/lib/auth/next-auth", async (original) => ({ ...(await original<object>()), ...(await import("@/lib/testing/next-request-mocks")).noSessionCookies }));

const OK = "ok";
const REDIRECT = "redirect";
const NF = "NOT_FOUND";
const FB = "FORBIDDEN";
const UA = "UNAUTHENTICATED";

type Expect = Record<CallerName, Outcome>;
type Ctx = { world: World; doc: DocFixture; caller: CallerName; token: string | null; extra: Record<string, string> };
type Row = {
  fresh?: boolean;
  setup?: (world: World, doc: DocFixture) => Promise<Record<string, string>>;
  call: (fn: Endpoint["fn"], c: Ctx) => Promise<unknown>;
  expect: Expect;
};

/** Users in order stranger, wsViewer, docReviewer, editor, owner; link holders default to UNAUTHENTICATED (no session). */
function users(stranger: Outcome, wsViewer: Outcome, docReviewer: Outcome, editor: Outcome, owner: Outcome, links: Outcome = UA): Expect {
  return { stranger, wsViewer, docReviewer, editor, owner, viewLink: links, commentLink: links, revokedLink: links, expiredLink: links };
}
const everyone = (outcome: Outcome): Expect => users(outcome, outcome, outcome, outcome, outcome, outcome);
/** Share-link endpoints: signed-in users hold no token (NOT_FOUND); link holders by link. */
const byLink = (view: Outcome, comment: Outcome): Expect => ({ ...users(NF, NF, NF, NF, NF), viewLink: view, commentLink: comment, revokedLink: NF, expiredLink: NF });

// Doc-scoped presets (see lib/docs/policy.ts): a doc you cannot read is NOT_FOUND, an action you may not take FORBIDDEN.
const DOC_VIEW = users(NF, OK, OK, OK, OK);
const DOC_EDIT = users(NF, FB, FB, OK, OK);
// Commenting: every member role that can read (viewers included); share links reach these only through /s/<token>.
const DOC_COMMENT = users(NF, OK, OK, OK, OK);
// Marking a thread blocking needs the review permission.
const DOC_REVIEW = users(NF, FB, OK, OK, OK);
// Own comments only: the fixture's comment is the owner's.
const OWN_COMMENT = users(NF, FB, FB, FB, OK);
// Workspace-scoped: the doc reviewer is no workspace member, so the workspace does not exist for them.
const WS_WRITE = users(NF, FB, NF, OK, OK);
const WS_ADMIN = users(NF, FB, NF, FB, OK);
const SIGNED_IN = users(OK, OK, OK, OK, OK);

const url = (c: Ctx, rest = "") => `/api/docs/${c.doc.id}${rest}`;
const revisionOf = async (docId: string) => String((await db.document.findUniqueOrThrow({ where: { id: docId }, select: { revision: true } })).revision);
const call = (fn: Endpoint["fn"], ...args: unknown[]) => (fn as unknown as (...a: unknown[]) => Promise<unknown>)(...args);

const ROWS: Record<string, Row> = {
  // ── Public and account endpoints: the caller's doc relationship plays no part ──
  "GET /api/health": { call: (fn) => call(fn), expect: everyone(OK) },
  "POST /api/sign-in": { call: (fn) => callRoute(fn, "/api/sign-in", {}, { json: { email: uniqueEmail("nobody"), password: "wrong password" } }), expect: everyone(UA) },
  "GET /api/auth/[...nextauth]": { call: (fn) => callRoute(fn, "/api/auth/providers", { nextauth: ["providers"] }), expect: everyone(OK) },
  // Auth.js refuses a credentials callback without its CSRF token (a redirect to the error page).
  "POST /api/auth/[...nextauth]": { call: (fn) => callRoute(fn, "/api/auth/callback/credentials", { nextauth: ["callback", "credentials"] }, { json: { ticket: "forged" } }), expect: everyone("HTTP 302") },
  "(auth)/actions.ts#signInAction": { call: (fn) => call(fn, null, form({ email: uniqueEmail("nobody"), password: "wrong password" })), expect: everyone(UA) },
  "(auth)/actions.ts#signUpAction": { call: (fn) => call(fn, null, form({ name: "", email: "not-an-email", password: "x" })), expect: everyone("INVALID_INPUT") },
  "(auth)/actions.ts#signOutAction": { call: (fn) => call(fn), expect: everyone(REDIRECT) },
  "(auth)/actions.ts#signOutEverywhereAction": { call: (fn) => call(fn), expect: users(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT) },
  "invite/actions.ts#acceptInvitationAction": { call: (fn) => call(fn, null, form({ token: "not-a-real-invitation-token-000000000000" })), expect: users(NF, NF, NF, NF, NF) },
  "(app)/inbox/actions.ts#markReadAction": { call: (fn) => call(fn), expect: SIGNED_IN },

  // ── Doc: JSON API ──
  "GET /api/docs/[id]": { call: (fn, c) => callRoute(fn, url(c), { id: c.doc.id }), expect: DOC_VIEW },
  "GET /api/docs/[id]/export.md": { call: (fn, c) => callRoute(fn, url(c, "/export.md"), { id: c.doc.id }), expect: DOC_VIEW },
  "GET /api/docs/[id]/sections/[key]": { call: (fn, c) => callRoute(fn, url(c, "/sections/architecture"), { id: c.doc.id, key: "architecture" }), expect: DOC_VIEW },
  "PUT /api/docs/[id]/sections/[key]": {
    fresh: true,
    call: (fn, c) => callRoute(fn, url(c, "/sections/architecture"), { id: c.doc.id, key: "architecture" }, { method: "PUT", json: { baseVersion: 1, content: paragraph("Matrix edit") } }),
    expect: DOC_EDIT,
  },
  "GET /api/docs/[id]/reviews": { call: (fn, c) => callRoute(fn, url(c, "/reviews"), { id: c.doc.id }), expect: DOC_VIEW },
  "POST /api/docs/[id]/reviews": {
    fresh: true,
    call: (fn, c) => callRoute(fn, url(c, "/reviews"), { id: c.doc.id }, { json: { reviewerIds: [c.world.spare.id] } }),
    expect: DOC_EDIT,
  },
  "POST /api/docs/[id]/verdicts": {
    fresh: true,
    setup: async (_w, doc) => ({ revision: await revisionOf(doc.id) }),
    call: (fn, c) => callRoute(fn, url(c, "/verdicts"), { id: c.doc.id }, { json: { verdict: "comment", body: "Looks fine", revision: Number(c.extra.revision) } }),
    expect: users(NF, FB, OK, OK, OK),
  },
  "GET /api/docs/[id]/signoff.json": { call: (fn, c) => callRoute(fn, url(c, "/signoff.json"), { id: c.doc.id }), expect: DOC_VIEW },
  "GET /api/docs/[id]/signoff.md": { call: (fn, c) => callRoute(fn, url(c, "/signoff.md"), { id: c.doc.id }), expect: DOC_VIEW },
  "GET /api/docs/[id]/share-links": { call: (fn, c) => callRoute(fn, url(c, "/share-links"), { id: c.doc.id }), expect: DOC_EDIT },
  "POST /api/docs/[id]/share-links": {
    call: (fn, c) => callRoute(fn, url(c, "/share-links"), { id: c.doc.id }, { json: { role: "view", expiresInDays: 7 } }),
    expect: DOC_EDIT,
  },
  "DELETE /api/docs/[id]/share-links/[linkId]": {
    fresh: true,
    call: (fn, c) => callRoute(fn, url(c, `/share-links/${c.doc.links.view.id}`), { id: c.doc.id, linkId: c.doc.links.view.id }, { method: "DELETE" }),
    expect: DOC_EDIT,
  },

  // ── Workspace: JSON API ──
  "GET /api/docs": { call: (fn, c) => callRoute(fn, `/api/docs?workspace=${c.world.workspace.id}`, {}), expect: users(NF, OK, NF, OK, OK) },
  "POST /api/docs": { call: (fn, c) => callRoute(fn, "/api/docs", {}, { json: { title: "Matrix doc", workspace: c.world.workspace.id } }), expect: WS_WRITE },
  "POST /api/docs/import": {
    call: (fn, c) => callRoute(fn, "/api/docs/import", {}, { json: { markdown: "# Imported\n\n## Design Overview\n\nText", workspace: c.world.workspace.id } }),
    expect: WS_WRITE,
  },

  // ── Doc: server actions ──
  "(app)/docs/[slug]/actions.ts#saveSectionAction": {
    fresh: true,
    call: (fn, c) => call(fn, { docId: c.doc.id, sectionKey: "architecture", baseVersion: 1, content: paragraph("Matrix edit") }),
    // The autosave answers "denied" for every refusal (the editor shows the message and keeps the draft).
    expect: users("denied", "denied", "denied", OK, OK, "denied"),
  },
  "(app)/docs/[slug]/actions.ts#renameDocAction": { fresh: true, call: (fn, c) => call(fn, c.doc.id, "Renamed by the matrix"), expect: DOC_EDIT },
  "(app)/docs/[slug]/actions.ts#setArchivedAction": { fresh: true, call: (fn, c) => call(fn, c.doc.id, c.doc.slug, true), expect: users(NF, FB, FB, FB, REDIRECT) },
  // Needs the workspace's templates.manage as well as a readable doc.
  "(app)/docs/[slug]/actions.ts#saveDocAsTemplateAction": { call: (fn, c) => call(fn, c.doc.id, { name: `From doc ${c.caller}` }), expect: users(NF, FB, FB, FB, OK) },
  "(app)/docs/[slug]/review-actions.ts#requestReviewAction": { fresh: true, call: (fn, c) => call(fn, c.doc.id, { reviewerIds: [c.world.spare.id] }), expect: DOC_EDIT },
  "(app)/docs/[slug]/review-actions.ts#cancelReviewRequestAction": {
    fresh: true,
    setup: async (w, doc) => {
      await requestReview(w.owner, doc.id, { reviewerIds: [w.spare.id] });
      const request = await db.reviewRequest.findFirstOrThrow({ where: { documentId: doc.id, reviewerId: w.spare.id } });
      return { requestId: request.id };
    },
    call: (fn, c) => call(fn, c.doc.id, c.extra.requestId),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/review-actions.ts#submitVerdictAction": {
    fresh: true,
    setup: async (_w, doc) => ({ revision: await revisionOf(doc.id) }),
    call: (fn, c) => call(fn, c.doc.id, { kind: "COMMENT", body: "Noted", revision: Number(c.extra.revision) }),
    expect: users(NF, FB, OK, OK, OK),
  },
  // The people a writer may ask to review: names only, so viewers and reviewers are refused.
  "(app)/docs/[slug]/review-actions.ts#listReviewCandidatesAction": { call: (fn, c) => call(fn, c.doc.id), expect: DOC_EDIT },
  "(app)/docs/[slug]/review-actions.ts#loadTimelineAction": { call: (fn, c) => call(fn, c.doc.id), expect: DOC_VIEW },
  // Only an approved doc can be locked: the owner passes the access check and meets that rule.
  "(app)/docs/[slug]/review-actions.ts#setLockedAction": { fresh: true, call: (fn, c) => call(fn, c.doc.id, true), expect: users(NF, FB, FB, FB, "CONFLICT") },
  "(app)/docs/[slug]/share-actions.ts#getSharingStateAction": { call: (fn, c) => call(fn, c.doc.id), expect: DOC_VIEW },
  "(app)/docs/[slug]/share-actions.ts#createShareLinkAction": { call: (fn, c) => call(fn, c.doc.id, { role: "comment", expiresInDays: "never" }), expect: DOC_EDIT },
  "(app)/docs/[slug]/share-actions.ts#revokeShareLinkAction": { fresh: true, call: (fn, c) => call(fn, c.doc.id, c.doc.links.view.id), expect: DOC_EDIT },
  "(app)/docs/[slug]/share-actions.ts#addDocMemberAction": { fresh: true, call: (fn, c) => call(fn, c.doc.id, { email: c.world.outsider.email, role: "VIEWER" }), expect: DOC_EDIT },
  "(app)/docs/[slug]/share-actions.ts#removeDocMemberAction": { fresh: true, call: (fn, c) => call(fn, c.doc.id, c.world.docReviewer.id), expect: DOC_EDIT },
  // The share token is the capability; no session is involved. Every answer reloads /s/<token>,
  // which then shows the doc, the password form or the 404 (see sharing.db.test.ts and e2e).
  "s/[token]/actions.ts#unlockShareLinkAction": { call: (fn, c) => call(fn, c.token ?? "no-token-at-all", null, form({ password: "a guess" })), expect: everyone(REDIRECT) },

  // ── Doc: review comments (lib/comments) ──
  "GET /api/docs/[id]/comments": { call: (fn, c) => callRoute(fn, url(c, "/comments"), { id: c.doc.id }), expect: DOC_VIEW },
  "POST /api/docs/[id]/comments": {
    call: (fn, c) => callRoute(fn, url(c, "/comments"), { id: c.doc.id }, { json: { sectionKey: "design-overview", body: commentBody("From the matrix") } }),
    expect: DOC_COMMENT,
  },
  "POST /api/docs/[id]/comments/[threadId]/replies": {
    setup: threadSetup,
    call: (fn, c) => callRoute(fn, url(c, `/comments/${c.extra.threadId}/replies`), { id: c.doc.id, threadId: c.extra.threadId! }, { json: { body: commentBody("A reply") } }),
    expect: DOC_COMMENT,
  },
  "PATCH /api/docs/[id]/comments/[threadId]": {
    setup: threadSetup,
    call: (fn, c) => callRoute(fn, url(c, `/comments/${c.extra.threadId}`), { id: c.doc.id, threadId: c.extra.threadId! }, { method: "PATCH", json: { resolved: true } }),
    expect: DOC_COMMENT,
  },
  "(app)/docs/[slug]/comment-actions.ts#listThreadsAction": { call: (fn, c) => call(fn, c.doc.id), expect: DOC_VIEW },
  "(app)/docs/[slug]/comment-actions.ts#createThreadAction": { call: (fn, c) => call(fn, c.doc.id, { sectionKey: "design-overview", body: commentBody("From the matrix") }), expect: DOC_COMMENT },
  "(app)/docs/[slug]/comment-actions.ts#replyToThreadAction": { setup: threadSetup, call: (fn, c) => call(fn, c.doc.id, c.extra.threadId, { body: commentBody("A reply") }), expect: DOC_COMMENT },
  "(app)/docs/[slug]/comment-actions.ts#editCommentAction": { setup: threadSetup, call: (fn, c) => call(fn, c.doc.id, c.extra.commentId, { body: commentBody("Edited") }), expect: OWN_COMMENT },
  "(app)/docs/[slug]/comment-actions.ts#deleteCommentAction": { setup: threadSetup, call: (fn, c) => call(fn, c.doc.id, c.extra.commentId), expect: OWN_COMMENT },
  "(app)/docs/[slug]/comment-actions.ts#setThreadStateAction": { setup: threadSetup, call: (fn, c) => call(fn, c.doc.id, c.extra.threadId, { blocking: true }), expect: DOC_REVIEW },
  "(app)/docs/[slug]/comment-actions.ts#listMentionCandidatesAction": { call: (fn, c) => call(fn, c.doc.id, "sa"), expect: DOC_COMMENT },
  // Guests: a view link reads threads, a comment link writes them too; revoked and expired links are the same 404 as none.
  "s/[token]/comment-actions.ts#listSharedThreadsAction": { call: (fn, c) => call(fn, c.token ?? "no-token-at-all"), expect: byLink(OK, OK) },
  "s/[token]/comment-actions.ts#createGuestThreadAction": {
    call: (fn, c) => call(fn, c.token ?? "no-token-at-all", { sectionKey: "design-overview", body: commentBody("A guest's question"), guestName: "Gus Guest" }),
    expect: byLink(FB, OK),
  },
  "s/[token]/comment-actions.ts#guestReplyAction": {
    setup: threadSetup,
    call: (fn, c) => call(fn, c.token ?? "no-token-at-all", c.extra.threadId, { body: commentBody("A guest's reply"), guestName: "Gus Guest" }),
    expect: byLink(FB, OK),
  },

  // ── Workspace: server actions ──
  "(app)/w/[workspace]/actions.ts#createDocAction": { call: (fn, c) => call(fn, c.world.workspace.id, null, form({ title: "Matrix doc" })), expect: users(NF, FB, NF, REDIRECT, REDIRECT) },
  "(app)/w/[workspace]/actions.ts#importDocAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, { markdown: "# Imported\n\n## Design Overview\n\nText" }),
    expect: users(NF, FB, NF, REDIRECT, REDIRECT),
  },
  "(app)/w/[workspace]/settings/actions.ts#inviteMemberAction": { call: (fn, c) => call(fn, c.world.workspace.id, null, form({ email: uniqueEmail("invitee"), role: "VIEWER" })), expect: WS_ADMIN },
  "(app)/w/[workspace]/settings/actions.ts#revokeInvitationAction": {
    setup: async (w) => {
      const invitation = await db.invitation.create({
        data: { workspaceId: w.workspace.id, email: uniqueEmail("pending"), role: "VIEWER", tokenHash: sha256Hex(uniqueEmail("t")), invitedById: w.owner.id, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      return { invitationId: invitation.id };
    },
    call: (fn, c) => call(fn, c.world.workspace.id, c.extra.invitationId),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/settings/actions.ts#changeRoleAction": {
    setup: async (w) => ({ membershipId: (await upsertMembership(w, "MEMBER")).id }),
    call: (fn, c) => call(fn, c.world.workspace.id, c.extra.membershipId, "VIEWER"),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/settings/actions.ts#removeMemberAction": {
    setup: async (w) => ({ membershipId: (await upsertMembership(w, "MEMBER")).id }),
    call: (fn, c) => call(fn, c.world.workspace.id, c.extra.membershipId),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/settings/actions.ts#renameWorkspaceAction": { call: (fn, c) => call(fn, c.world.workspace.id, null, form({ name: "Renamed workspace" })), expect: WS_ADMIN },
  "(app)/w/[workspace]/templates/actions.ts#createTemplateAction": { call: (fn, c) => call(fn, c.world.workspace.id, TEMPLATE), expect: WS_ADMIN },
  "(app)/w/[workspace]/templates/actions.ts#updateTemplateAction": {
    setup: templateSetup,
    call: (fn, c) => call(fn, c.world.workspace.id, c.extra.templateId, { ...TEMPLATE, name: "Updated" }, c.extra.updatedAt),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/templates/actions.ts#archiveTemplateAction": { setup: templateSetup, call: (fn, c) => call(fn, c.world.workspace.id, c.extra.templateId), expect: WS_ADMIN },
  "(app)/w/[workspace]/templates/actions.ts#duplicateTemplateAction": { setup: templateSetup, call: (fn, c) => call(fn, c.world.workspace.id, c.extra.templateId), expect: WS_ADMIN },
};

const TEMPLATE = { name: "Matrix template", description: "", sections: [{ title: "Context" }, { title: "Decision" }] };

/** A thread on the doc, started by its owner. */
async function threadSetup(w: World, doc: DocFixture) {
  const { threadId, commentId } = await createTestThread(w.owner, doc.id, { text: "Owner's question" });
  return { threadId, commentId };
}

async function templateSetup(w: World) {
  const { id } = await createTemplate(w.owner, w.workspace.id, TEMPLATE);
  const row = await db.template.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
  return { templateId: id, updatedAt: row.updatedAt.toISOString() };
}

/** The outsider as a workspace member again (a row may have removed or demoted them). */
async function upsertMembership(w: World, role: "MEMBER") {
  return db.membership.upsert({
    where: { userId_workspaceId: { userId: w.outsider.id, workspaceId: w.workspace.id } },
    create: { userId: w.outsider.id, workspaceId: w.workspace.id, role },
    update: { role },
  });
}

const endpoints = await discoverEndpoints(path.resolve(import.meta.dirname, ".."));

let world: World;
let sharedDoc: DocFixture;
beforeAll(async () => {
  world = await createWorld();
  sharedDoc = await createDocFixture(world);
}, 60_000);
// Rows that fail sign-ins or passwords on purpose must not lock each other out.
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

describe("access matrix", () => {
  it("has exactly one row per route handler and server action found under app/", () => {
    const found = endpoints.map((e) => e.key).sort();
    const missing = found.filter((k) => !(k in ROWS));
    const stale = Object.keys(ROWS).filter((k) => !found.includes(k));
    expect({ missing, stale }, "add a row to ROWS in lib/access-matrix.db.test.ts for each missing endpoint; delete stale ones").toEqual({ missing: [], stale: [] });
  });

  describe.each(endpoints.filter((e) => e.key in ROWS))("$key", ({ key, fn }) => {
    const row = ROWS[key]!;
    // A fresh doc per caller makes callers independent, so those rows run them side by side.
    (row.fresh ? it.concurrent : it).each(CALLERS)("%s", async (caller) => {
      const doc = row.fresh ? await createDocFixture(world) : sharedDoc;
      const extra = (await row.setup?.(world, doc)) ?? {};
      const { actor, token } = callerIdentity(world, doc, caller);
      const outcome = await runAsActorForTest(actor, () => outcomeOf(() => row.call(fn, { world, doc, caller, token, extra })));
      expect(outcome).toBe(row.expect[caller]);
    });
  });
});
