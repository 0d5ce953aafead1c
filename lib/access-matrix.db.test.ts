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
import { addSection } from "@/lib/docs/extra-sections";
import { requestReview } from "@/lib/reviews/request-review";
import { sha256Hex } from "@/lib/crypto";
import { paragraph } from "@/prisma/factories-docs";
import { commentBody, createTestThread } from "@/prisma/factories-comments";
import { createMember, uniqueEmail } from "@/prisma/factories";
import { createShareLink } from "@/lib/sharing/share-links";
import { addDocMember } from "@/lib/sharing/doc-members";
import { createTestImage } from "@/prisma/factories-media";
import { createTestDoc } from "@/prisma/factories-docs";
import { makePng } from "@/lib/media/fixtures";
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
  requestHeaders,
  withRequestHeaders,
} from "@/lib/testing/access-matrix";
import { createApiToken } from "@/lib/tokens/tokens";
import { defaultScope, TOKEN_SCOPES, type TokenScope } from "@/lib/tokens/scopes";

// Next's request-scoped helpers without a request (lib/testing/next-request-mocks.ts):
// authorization is all that is under test.
vi.mock("next/headers", async () => (await import("@/lib/testing/next-request-mocks")).nextHeaders("203.0.113.7"));
vi.mock("next/cache", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noRevalidation,
}));
vi.mock("@/lib/auth/next-auth", async (original) => ({
  ...(await original<object>()),
  ...(await import("@/lib/testing/next-request-mocks")).noSessionCookies,
}));

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

/**
 * Users in order stranger, wsViewer, docReviewer, editor, owner; link holders default to UNAUTHENTICATED (no session).
 */
function users(
  stranger: Outcome,
  wsViewer: Outcome,
  docReviewer: Outcome,
  editor: Outcome,
  owner: Outcome,
  links: Outcome = UA,
): Expect {
  return {
    stranger,
    wsViewer,
    docReviewer,
    editor,
    owner,
    viewLink: links,
    commentLink: links,
    revokedLink: links,
    expiredLink: links,
  };
}
const everyone = (outcome: Outcome): Expect => users(outcome, outcome, outcome, outcome, outcome, outcome);
/** Share-link endpoints: signed-in users hold no token (NOT_FOUND); link holders by link. */
const byLink = (view: Outcome, comment: Outcome): Expect => ({
  ...users(NF, NF, NF, NF, NF),
  viewLink: view,
  commentLink: comment,
  revokedLink: NF,
  expiredLink: NF,
});

// Doc-scoped presets (see lib/docs/policy.ts): a doc you cannot read is NOT_FOUND, an action you may not take
// FORBIDDEN.
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
const revisionOf = async (docId: string) =>
  String((await db.document.findUniqueOrThrow({ where: { id: docId }, select: { revision: true } })).revision);
const headSeqOf = async (docId: string) =>
  String((await db.document.findUniqueOrThrow({ where: { id: docId }, select: { headSeq: true } })).headSeq);
const call = (fn: Endpoint["fn"], ...args: unknown[]) =>
  (fn as unknown as (...a: unknown[]) => Promise<unknown>)(...args);

const ROWS: Record<string, Row> = {
  // ── Public and account endpoints: the caller's doc relationship plays no part ──
  "GET /api/health": { call: (fn) => call(fn), expect: everyone(OK) },
  "GET /api/openapi.json": { call: (fn) => callRoute(fn, "/api/openapi.json", {}), expect: everyone(OK) },
  // Readiness is public like health; metrics answer only a token or this machine (the matrix's callers are remote).
  "GET /api/ready": { call: (fn) => call(fn), expect: everyone(OK) },
  "GET /api/metrics": { call: (fn) => call(fn, new Request("http://localhost/api/metrics")), expect: everyone(NF) },
  "POST /api/sign-in": {
    call: (fn) =>
      callRoute(fn, "/api/sign-in", {}, { json: { email: uniqueEmail("nobody"), password: "wrong password" } }),
    expect: everyone(UA),
  },
  "GET /api/auth/[...nextauth]": {
    call: (fn) => callRoute(fn, "/api/auth/providers", { nextauth: ["providers"] }),
    expect: everyone(OK),
  },
  // Auth.js refuses a credentials callback without its CSRF token (a redirect to the error page).
  "POST /api/auth/[...nextauth]": {
    call: (fn) =>
      callRoute(
        fn,
        "/api/auth/callback/credentials",
        { nextauth: ["callback", "credentials"] },
        { json: { ticket: "forged" } },
      ),
    expect: everyone("HTTP 302"),
  },
  "(auth)/actions.ts#signInAction": {
    call: (fn) => call(fn, null, form({ email: uniqueEmail("nobody"), password: "wrong password" })),
    expect: everyone(UA),
  },
  "(auth)/actions.ts#signUpAction": {
    call: (fn) => call(fn, null, form({ name: "", email: "not-an-email", password: "x" })),
    expect: everyone("INVALID_INPUT"),
  },
  "(auth)/actions.ts#signOutAction": { call: (fn) => call(fn), expect: everyone(REDIRECT) },
  // The emailed sign-up link is the capability; a made-up one creates nothing.
  "(auth)/actions.ts#confirmSignUpAction": {
    call: (fn) => call(fn, null, form({ token: "not-a-real-sign-up-token-000000000000" })),
    expect: everyone(NF),
  },
  "(auth)/actions.ts#signOutEverywhereAction": {
    call: (fn) => call(fn),
    expect: users(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
  },
  // One's own account only; a wrong password is refused, so every caller keeps theirs.
  "(auth)/actions.ts#deleteAccountAction": {
    call: (fn) => call(fn, "not my password"),
    expect: users("INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT"),
  },
  "invite/actions.ts#acceptInvitationAction": {
    call: (fn) => call(fn, null, form({ token: "not-a-real-invitation-token-000000000000" })),
    expect: users(NF, NF, NF, NF, NF),
  },
  "(app)/inbox/actions.ts#markReadAction": { call: (fn) => call(fn), expect: SIGNED_IN },
  // One's own email preference only (the user id comes from the session).
  "(app)/inbox/actions.ts#setEmailDigestAction": { call: (fn) => call(fn, "DAILY"), expect: SIGNED_IN },
  // Personal API tokens: one's own only (a made-up id is the same 404 as someone else's).
  "(app)/w/[workspace]/settings/tokens/actions.ts#createApiTokenAction": {
    call: (fn) => call(fn, { name: "Matrix token", scopes: ["read"] }),
    expect: SIGNED_IN,
  },
  "(app)/w/[workspace]/settings/tokens/actions.ts#revokeApiTokenAction": {
    call: (fn) => call(fn, "no-such-token"),
    expect: users(NF, NF, NF, NF, NF),
  },

  // ── Doc: JSON API ──
  "GET /api/docs/[id]": { call: (fn, c) => callRoute(fn, url(c), { id: c.doc.id }), expect: DOC_VIEW },
  // Deleting for good: workspace owners and admins only (the fixture's owner), the title typed to confirm.
  "DELETE /api/docs/[id]": {
    fresh: true,
    call: async (fn, c) => {
      const { title } = await db.document.findUniqueOrThrow({ where: { id: c.doc.id }, select: { title: true } });
      return callRoute(fn, url(c), { id: c.doc.id }, { method: "DELETE", json: { confirmTitle: title } });
    },
    expect: users(NF, FB, FB, FB, OK),
  },
  // Owners only: the whole workspace in one archive.
  "GET /api/workspaces/[id]/export.zip": {
    call: (fn, c) => callRoute(fn, `/api/workspaces/${c.world.workspace.id}/export.zip`, { id: c.world.workspace.id }),
    expect: users(NF, FB, NF, FB, OK),
  },
  "GET /api/docs/[id]/export.md": {
    call: (fn, c) => callRoute(fn, url(c, "/export.md"), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  "GET /api/docs/[id]/export.docx": {
    call: (fn, c) => callRoute(fn, url(c, "/export.docx"), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  "GET /api/docs/[id]/sections/[key]": {
    call: (fn, c) => callRoute(fn, url(c, "/sections/architecture"), { id: c.doc.id, key: "architecture" }),
    expect: DOC_VIEW,
  },
  "PUT /api/docs/[id]/sections/[key]": {
    fresh: true,
    call: (fn, c) =>
      callRoute(
        fn,
        url(c, "/sections/architecture"),
        { id: c.doc.id, key: "architecture" },
        { method: "PUT", json: { baseVersion: 1, content: paragraph("Matrix edit") } },
      ),
    expect: DOC_EDIT,
  },
  "GET /api/docs/[id]/reviews": {
    call: (fn, c) => callRoute(fn, url(c, "/reviews"), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  "POST /api/docs/[id]/reviews": {
    fresh: true,
    call: (fn, c) => callRoute(fn, url(c, "/reviews"), { id: c.doc.id }, { json: { reviewerIds: [c.world.spare.id] } }),
    expect: DOC_EDIT,
  },
  "POST /api/docs/[id]/verdicts": {
    fresh: true,
    setup: async (_w, doc) => ({ revision: await revisionOf(doc.id) }),
    call: (fn, c) =>
      callRoute(
        fn,
        url(c, "/verdicts"),
        { id: c.doc.id },
        { json: { verdict: "comment", body: "Looks fine", revision: Number(c.extra.revision) } },
      ),
    expect: users(NF, FB, OK, OK, OK),
  },
  "GET /api/docs/[id]/signoff.json": {
    call: (fn, c) => callRoute(fn, url(c, "/signoff.json"), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  "GET /api/docs/[id]/signoff.md": {
    call: (fn, c) => callRoute(fn, url(c, "/signoff.md"), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  // History: readers with an account; share links never reach it (no session: UNAUTHENTICATED).
  "GET /api/docs/[id]/history": {
    call: (fn, c) => callRoute(fn, url(c, "/history"), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  "GET /api/docs/[id]/history/[seq]": {
    setup: async (_w, doc) => ({ seq: await headSeqOf(doc.id) }),
    call: (fn, c) => callRoute(fn, url(c, `/history/${c.extra.seq}`), { id: c.doc.id, seq: c.extra.seq! }),
    expect: DOC_VIEW,
  },
  "GET /api/docs/[id]/history/diff": {
    setup: async (_w, doc) => ({ seq: await headSeqOf(doc.id) }),
    call: (fn, c) => callRoute(fn, url(c, `/history/diff?from=${c.extra.seq}`), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  "POST /api/docs/[id]/history/[seq]/restore": {
    fresh: true,
    setup: async (_w, doc) => ({ seq: await headSeqOf(doc.id) }),
    call: (fn, c) =>
      callRoute(fn, url(c, `/history/${c.extra.seq}/restore`), { id: c.doc.id, seq: c.extra.seq! }, { json: {} }),
    expect: DOC_EDIT,
  },
  "POST /api/docs/[id]/named-versions": {
    fresh: true,
    call: (fn, c) => callRoute(fn, url(c, "/named-versions"), { id: c.doc.id }, { json: { name: "v1.0" } }),
    expect: DOC_EDIT,
  },
  "GET /api/docs/[id]/share-links": {
    call: (fn, c) => callRoute(fn, url(c, "/share-links"), { id: c.doc.id }),
    expect: DOC_EDIT,
  },
  "POST /api/docs/[id]/share-links": {
    call: (fn, c) =>
      callRoute(fn, url(c, "/share-links"), { id: c.doc.id }, { json: { role: "view", expiresInDays: 7 } }),
    expect: DOC_EDIT,
  },
  "DELETE /api/docs/[id]/share-links/[linkId]": {
    fresh: true,
    call: (fn, c) =>
      callRoute(
        fn,
        url(c, `/share-links/${c.doc.links.view.id}`),
        { id: c.doc.id, linkId: c.doc.links.view.id },
        { method: "DELETE" },
      ),
    expect: DOC_EDIT,
  },

  // ── Doc: images (lib/media) ──
  "POST /api/docs/[id]/images": {
    call: async (fn, c) =>
      call(
        fn,
        new Request(`http://localhost:3000${url(c, "/images")}`, {
          method: "POST",
          body: await makePng(12, 12),
          headers: requestHeaders(),
        }),
        {
          params: Promise.resolve({ id: c.doc.id }),
        },
      ),
    expect: DOC_EDIT,
  },
  // An image of another doc the caller can read (the owner's), made this doc's.
  "POST /api/docs/[id]/images/copies": {
    setup: async (w) => {
      const other = await createTestDoc(w.owner, w.workspace.id, { title: "Image source" });
      return { src: (await createTestImage(w.owner, other.id)).src };
    },
    call: (fn, c) => callRoute(fn, url(c, "/images/copies"), { id: c.doc.id }, { json: { src: c.extra.src } }),
    expect: DOC_EDIT,
  },
  "GET /api/docs/[id]/images": {
    call: (fn, c) => callRoute(fn, url(c, "/images"), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  "GET /media/[imageId]": {
    setup: async (w, doc) => ({ imageId: (await createTestImage(w.owner, doc.id)).id }),
    call: (fn, c) => callRoute(fn, `/media/${c.extra.imageId}`, { imageId: c.extra.imageId! }),
    expect: DOC_VIEW,
  },
  // Signed-in users hold no token here (a made-up one): only a live link of the image's doc opens it.
  "GET /s/[token]/media/[imageId]": {
    setup: async (w, doc) => ({ imageId: (await createTestImage(w.owner, doc.id)).id }),
    call: (fn, c) => {
      const token = c.token ?? "A".repeat(43);
      return callRoute(fn, `/s/${token}/media/${c.extra.imageId}`, { token, imageId: c.extra.imageId! });
    },
    expect: byLink(OK, OK),
  },
  // The live channel's ticket: readers get one (the collaboration server makes them read-only), strangers a 404.
  "GET /api/docs/[id]/collab": {
    call: (fn, c) => callRoute(fn, url(c, "/collab"), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  "GET /s/[token]/collab": {
    call: (fn, c) => {
      const token = c.token ?? "A".repeat(43);
      return callRoute(fn, `/s/${token}/collab`, { token });
    },
    expect: byLink(OK, OK),
  },

  // ── Workspace: JSON API ──
  "GET /api/docs": {
    call: (fn, c) => callRoute(fn, `/api/docs?workspace=${c.world.workspace.id}`, {}),
    expect: users(NF, OK, NF, OK, OK),
  },
  // Searches only what the caller can read (lib/docs/quick-search.db.test.ts): anyone signed in may ask.
  "GET /api/search": {
    call: (fn) => callRoute(fn, "/api/search?q=overview", {}),
    expect: SIGNED_IN,
  },
  "POST /api/docs": {
    call: (fn, c) => callRoute(fn, "/api/docs", {}, { json: { title: "Matrix doc", workspace: c.world.workspace.id } }),
    expect: WS_WRITE,
  },
  "POST /api/docs/import": {
    call: (fn, c) =>
      callRoute(
        fn,
        "/api/docs/import",
        {},
        { json: { markdown: "# Imported\n\n## Design Overview\n\nText", workspace: c.world.workspace.id } },
      ),
    expect: WS_WRITE,
  },

  // ── Doc: server actions ──
  "(app)/docs/[slug]/actions.ts#saveSectionAction": {
    fresh: true,
    call: (fn, c) =>
      call(fn, { docId: c.doc.id, sectionKey: "architecture", baseVersion: 1, content: paragraph("Matrix edit") }),
    // The autosave answers "denied" for every refusal (the editor shows the message and keeps the draft).
    expect: users("denied", "denied", "denied", OK, OK, "denied"),
  },
  "(app)/docs/[slug]/actions.ts#renameDocAction": {
    fresh: true,
    call: (fn, c) => call(fn, c.doc.id, "Renamed by the matrix"),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/actions.ts#setArchivedAction": {
    fresh: true,
    call: (fn, c) => call(fn, c.doc.id, c.doc.slug, true),
    expect: users(NF, FB, FB, FB, REDIRECT),
  },
  // Deleting for good: workspace owners and admins, the title typed again.
  "(app)/docs/[slug]/actions.ts#deleteDocAction": {
    fresh: true,
    call: async (fn, c) => {
      const { title } = await db.document.findUniqueOrThrow({ where: { id: c.doc.id }, select: { title: true } });
      return call(fn, c.doc.id, title);
    },
    expect: users(NF, FB, FB, FB, REDIRECT),
  },
  // Needs the workspace's templates.manage as well as a readable doc.
  "(app)/docs/[slug]/actions.ts#saveDocAsTemplateAction": {
    call: (fn, c) => call(fn, c.doc.id, { name: `From doc ${c.caller}` }),
    expect: users(NF, FB, FB, FB, OK),
  },
  // Sections of the doc's own (beyond its template): editors and owners.
  "(app)/docs/[slug]/section-actions.ts#addSectionAction": {
    fresh: true,
    call: (fn, c) => call(fn, c.doc.id, { title: "Matrix section" }),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/section-actions.ts#renameSectionAction": {
    fresh: true,
    setup: async (w, doc) => await addSection(w.owner, doc.id, { title: "Matrix extra" }),
    call: (fn, c) => call(fn, c.doc.id, c.extra.key, { title: "Renamed extra" }),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/section-actions.ts#moveSectionAction": {
    fresh: true,
    setup: async (w, doc) => await addSection(w.owner, doc.id, { title: "Matrix extra" }),
    call: (fn, c) => call(fn, c.doc.id, c.extra.key, "up"),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/section-actions.ts#removeSectionAction": {
    fresh: true,
    setup: async (w, doc) => await addSection(w.owner, doc.id, { title: "Matrix extra" }),
    call: (fn, c) => call(fn, c.doc.id, c.extra.key),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/review-actions.ts#requestReviewAction": {
    fresh: true,
    call: (fn, c) => call(fn, c.doc.id, { reviewerIds: [c.world.spare.id] }),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/review-actions.ts#cancelReviewRequestAction": {
    fresh: true,
    setup: async (w, doc) => {
      await requestReview(w.owner, doc.id, { reviewerIds: [w.spare.id] });
      const request = await db.reviewRequest.findFirstOrThrow({
        where: { documentId: doc.id, reviewerId: w.spare.id },
      });
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
  "(app)/docs/[slug]/review-actions.ts#listReviewCandidatesAction": {
    call: (fn, c) => call(fn, c.doc.id),
    expect: DOC_EDIT,
  },
  // Editors pass the access check; with nobody having requested changes there is nothing to re-request.
  "(app)/docs/[slug]/review-actions.ts#reRequestReviewAction": {
    call: (fn, c) => call(fn, c.doc.id),
    expect: users(NF, FB, FB, "CONFLICT", "CONFLICT"),
  },
  "(app)/docs/[slug]/review-actions.ts#loadTimelineAction": { call: (fn, c) => call(fn, c.doc.id), expect: DOC_VIEW },
  "(app)/docs/[slug]/history-actions.ts#listHistoryAction": { call: (fn, c) => call(fn, c.doc.id), expect: DOC_VIEW },
  "(app)/docs/[slug]/history-actions.ts#recordVisitAction": { call: (fn, c) => call(fn, c.doc.id), expect: DOC_VIEW },
  "(app)/docs/[slug]/history-actions.ts#previewRestoreAction": {
    setup: async (_w, doc) => ({ seq: await headSeqOf(doc.id) }),
    call: (fn, c) => call(fn, c.doc.id, c.extra.seq, { sections: [] }),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/history-actions.ts#restoreAction": {
    fresh: true,
    setup: async (_w, doc) => ({ seq: await headSeqOf(doc.id) }),
    call: (fn, c) => call(fn, c.doc.id, c.extra.seq, { sections: [] }),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/history-actions.ts#nameVersionAction": {
    fresh: true,
    call: (fn, c) => call(fn, c.doc.id, { name: "v1.0" }),
    expect: DOC_EDIT,
  },
  // Only an approved doc can be locked: the owner passes the access check and meets that rule.
  "(app)/docs/[slug]/review-actions.ts#setLockedAction": {
    fresh: true,
    call: (fn, c) => call(fn, c.doc.id, true),
    expect: users(NF, FB, FB, FB, "CONFLICT"),
  },
  "(app)/docs/[slug]/share-actions.ts#getSharingStateAction": { call: (fn, c) => call(fn, c.doc.id), expect: DOC_VIEW },
  "(app)/docs/[slug]/share-actions.ts#createShareLinkAction": {
    call: (fn, c) => call(fn, c.doc.id, { role: "comment", expiresInDays: "never" }),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/share-actions.ts#revokeShareLinkAction": {
    fresh: true,
    call: (fn, c) => call(fn, c.doc.id, c.doc.links.view.id),
    expect: DOC_EDIT,
  },
  // A link whose creator left the workspace (stopped) is taken over by someone who may share.
  "(app)/docs/[slug]/share-actions.ts#adoptShareLinkAction": {
    fresh: true,
    setup: async (w, doc) => {
      const leaver = await createMember(w.workspace.id, "MEMBER", "Lee Leaver");
      const { link } = await createShareLink(leaver.actor, doc.id, { role: "view" }, "http://localhost:3000");
      await db.membership.delete({ where: { id: leaver.membership.id } });
      return { linkId: link.id };
    },
    call: (fn, c) => call(fn, c.doc.id, c.extra.linkId),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/share-actions.ts#addDocMemberAction": {
    fresh: true,
    call: (fn, c) => call(fn, c.doc.id, { email: c.world.outsider.email, role: "VIEWER" }),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/share-actions.ts#revokeDocInvitationAction": {
    fresh: true,
    setup: async (w, doc) => {
      await addDocMember(w.owner, doc.id, { email: uniqueEmail("invitee"), role: "VIEWER" }, "http://localhost:3000");
      const invitation = await db.docInvitation.findFirstOrThrow({ where: { documentId: doc.id } });
      return { invitationId: invitation.id };
    },
    call: (fn, c) => call(fn, c.doc.id, c.extra.invitationId),
    expect: DOC_EDIT,
  },
  "(app)/docs/[slug]/share-actions.ts#removeDocMemberAction": {
    fresh: true,
    call: (fn, c) => call(fn, c.doc.id, c.world.docReviewer.id),
    expect: DOC_EDIT,
  },
  // The share token is the capability; no session is involved. Every answer reloads /s/<token>,
  // which then shows the doc, the password form or the 404 (see sharing.db.test.ts and e2e).
  "s/[token]/actions.ts#unlockShareLinkAction": {
    call: (fn, c) => call(fn, c.token ?? "no-token-at-all", null, form({ password: "a guess" })),
    expect: everyone(REDIRECT),
  },

  // ── Doc: review comments (lib/comments) ──
  "GET /api/docs/[id]/comments": {
    call: (fn, c) => callRoute(fn, url(c, "/comments"), { id: c.doc.id }),
    expect: DOC_VIEW,
  },
  "POST /api/docs/[id]/comments": {
    call: (fn, c) =>
      callRoute(
        fn,
        url(c, "/comments"),
        { id: c.doc.id },
        { json: { sectionKey: "design-overview", body: commentBody("From the matrix") } },
      ),
    expect: DOC_COMMENT,
  },
  "POST /api/docs/[id]/comments/[threadId]/replies": {
    setup: threadSetup,
    call: (fn, c) =>
      callRoute(
        fn,
        url(c, `/comments/${c.extra.threadId}/replies`),
        { id: c.doc.id, threadId: c.extra.threadId! },
        { json: { body: commentBody("A reply") } },
      ),
    expect: DOC_COMMENT,
  },
  "PATCH /api/docs/[id]/comments/[threadId]": {
    setup: threadSetup,
    call: (fn, c) =>
      callRoute(
        fn,
        url(c, `/comments/${c.extra.threadId}`),
        { id: c.doc.id, threadId: c.extra.threadId! },
        { method: "PATCH", json: { resolved: true } },
      ),
    expect: DOC_COMMENT,
  },
  "(app)/docs/[slug]/comment-actions.ts#listThreadsAction": { call: (fn, c) => call(fn, c.doc.id), expect: DOC_VIEW },
  "(app)/docs/[slug]/comment-actions.ts#createThreadAction": {
    call: (fn, c) => call(fn, c.doc.id, { sectionKey: "design-overview", body: commentBody("From the matrix") }),
    expect: DOC_COMMENT,
  },
  "(app)/docs/[slug]/comment-actions.ts#replyToThreadAction": {
    setup: threadSetup,
    call: (fn, c) => call(fn, c.doc.id, c.extra.threadId, { body: commentBody("A reply") }),
    expect: DOC_COMMENT,
  },
  "(app)/docs/[slug]/comment-actions.ts#editCommentAction": {
    setup: threadSetup,
    call: (fn, c) => call(fn, c.doc.id, c.extra.commentId, { body: commentBody("Edited") }),
    expect: OWN_COMMENT,
  },
  "(app)/docs/[slug]/comment-actions.ts#deleteCommentAction": {
    setup: threadSetup,
    call: (fn, c) => call(fn, c.doc.id, c.extra.commentId),
    expect: OWN_COMMENT,
  },
  "(app)/docs/[slug]/comment-actions.ts#setThreadStateAction": {
    setup: threadSetup,
    call: (fn, c) => call(fn, c.doc.id, c.extra.threadId, { blocking: true }),
    expect: DOC_REVIEW,
  },
  "(app)/docs/[slug]/comment-actions.ts#listMentionCandidatesAction": {
    call: (fn, c) => call(fn, c.doc.id, "sa"),
    expect: DOC_COMMENT,
  },
  // Guests: a view link reads threads, a comment link writes them too; revoked and expired links are the same 404 as
  // none.
  "s/[token]/comment-actions.ts#listSharedThreadsAction": {
    call: (fn, c) => call(fn, c.token ?? "no-token-at-all"),
    expect: byLink(OK, OK),
  },
  "s/[token]/comment-actions.ts#createGuestThreadAction": {
    call: (fn, c) =>
      call(fn, c.token ?? "no-token-at-all", {
        sectionKey: "design-overview",
        body: commentBody("A guest's question"),
        guestName: "Gus Guest",
      }),
    expect: byLink(FB, OK),
  },
  "s/[token]/comment-actions.ts#guestReplyAction": {
    setup: threadSetup,
    call: (fn, c) =>
      call(fn, c.token ?? "no-token-at-all", c.extra.threadId, {
        body: commentBody("A guest's reply"),
        guestName: "Gus Guest",
      }),
    expect: byLink(FB, OK),
  },

  // ── Workspace: server actions ──
  "(app)/w/[workspace]/actions.ts#createDocAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, null, form({ title: "Matrix doc" })),
    expect: users(NF, FB, NF, REDIRECT, REDIRECT),
  },
  "(app)/w/[workspace]/actions.ts#importDocAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, { markdown: "# Imported\n\n## Design Overview\n\nText" }),
    expect: users(NF, FB, NF, REDIRECT, REDIRECT),
  },
  // Turning it off again leaves the shared world as the other rows expect it.
  "(app)/w/[workspace]/settings/actions.ts#setRemoteImagesAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, false),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/settings/actions.ts#inviteMemberAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, null, form({ email: uniqueEmail("invitee"), role: "VIEWER" })),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/settings/actions.ts#revokeInvitationAction": {
    setup: async (w) => {
      const invitation = await db.invitation.create({
        data: {
          workspaceId: w.workspace.id,
          email: uniqueEmail("pending"),
          role: "VIEWER",
          tokenHash: sha256Hex(uniqueEmail("t")),
          invitedById: w.owner.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
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
  // Owners only; past the access check a wrong name is refused, so the shared workspace stays.
  "(app)/w/[workspace]/settings/actions.ts#deleteWorkspaceAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, "Not the workspace's name"),
    expect: users(NF, FB, NF, FB, "INVALID_INPUT"),
  },
  "(app)/w/[workspace]/settings/actions.ts#renameWorkspaceAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, null, form({ name: "Renamed workspace" })),
    expect: WS_ADMIN,
  },
  // Webhooks: workspace owners and admins. Made-up endpoint ids are the same 404 whoever asks.
  "(app)/w/[workspace]/settings/webhooks/actions.ts#createWebhookAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, { url: "https://hooks", events: [] }),
    // Past the access check the input is refused (no events): the point here is who gets that far.
    expect: users(NF, FB, NF, FB, "INVALID_INPUT"),
  },
  "(app)/w/[workspace]/settings/webhooks/actions.ts#setWebhookEnabledAction": {
    setup: webhookSetup,
    call: (fn, c) => call(fn, c.world.workspace.id, c.extra.webhookId, false),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/settings/webhooks/actions.ts#deleteWebhookAction": {
    setup: webhookSetup,
    call: (fn, c) => call(fn, c.world.workspace.id, c.extra.webhookId),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/settings/webhooks/actions.ts#redeliverWebhookAction": {
    setup: webhookSetup,
    call: (fn, c) => call(fn, c.world.workspace.id, c.extra.deliveryId),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/settings/actions.ts#setReviewSettingsAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, { independentApproval: true }),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/templates/actions.ts#createTemplateAction": {
    call: (fn, c) => call(fn, c.world.workspace.id, TEMPLATE),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/templates/actions.ts#updateTemplateAction": {
    setup: templateSetup,
    call: (fn, c) =>
      call(fn, c.world.workspace.id, c.extra.templateId, { ...TEMPLATE, name: "Updated" }, c.extra.updatedAt),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/templates/actions.ts#archiveTemplateAction": {
    setup: templateSetup,
    call: (fn, c) => call(fn, c.world.workspace.id, c.extra.templateId),
    expect: WS_ADMIN,
  },
  "(app)/w/[workspace]/templates/actions.ts#duplicateTemplateAction": {
    setup: templateSetup,
    call: (fn, c) => call(fn, c.world.workspace.id, c.extra.templateId),
    expect: WS_ADMIN,
  },
};

const TEMPLATE = { name: "Matrix template", description: "", sections: [{ title: "Context" }, { title: "Decision" }] };

/** A thread on the doc, started by its owner. */
async function threadSetup(w: World, doc: DocFixture) {
  const { threadId, commentId } = await createTestThread(w.owner, doc.id, { text: "Owner's question" });
  return { threadId, commentId };
}

/** An endpoint of the workspace with one delivery in its log (rows only: nothing is sent in this test). */
async function webhookSetup(w: World) {
  const hook = await db.webhook.create({
    data: {
      workspaceId: w.workspace.id,
      url: "https://hooks.example.com/x",
      secret: "whsec_x",
      events: ["doc.created"],
    },
  });
  const delivery = await db.webhookDelivery.create({
    data: { webhookId: hook.id, event: "doc.created", eventId: "matrix", payload: {}, status: "DELIVERED" },
  });
  return { webhookId: hook.id, deliveryId: delivery.id };
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
    expect(
      { missing, stale },
      "add a row to ROWS in lib/access-matrix.db.test.ts for each missing endpoint; delete stale ones",
    ).toEqual({ missing: [], stale: [] });
  });

  describe.each(endpoints.filter((e) => e.key in ROWS))("$key", ({ key, fn }) => {
    const row = ROWS[key]!;
    // A fresh doc per caller makes callers independent, so those rows run them side by side.
    (row.fresh ? it.concurrent : it).each(CALLERS)("%s", async (caller) => {
      const doc = row.fresh ? await createDocFixture(world) : sharedDoc;
      const extra = (await row.setup?.(world, doc)) ?? {};
      const { actor, token } = callerIdentity(world, doc, caller);
      const outcome = await runAsActorForTest(actor, () =>
        outcomeOf(() => row.call(fn, { world, doc, caller, token, extra })),
      );
      expect(outcome).toBe(row.expect[caller]);
    });
  });
});

/**
 * Token callers: the owner (who may do everything on the fixture doc) calling every route handler with an API
 * token of each single scope, and with a revoked and an expired token of every scope. A token does what its owner
 * may, narrowed to its scopes: the owner's outcome where the route's scope is the token's, FORBIDDEN elsewhere,
 * UNAUTHENTICATED for a dead token. Routes that take no token (no `handle`, or scope "none") answer as without one.
 */
const TOKEN_CALLERS = [...TOKEN_SCOPES.map((s) => `token:${s}` as const), "token:revoked", "token:expired"] as const;
type TokenCaller = (typeof TOKEN_CALLERS)[number];

function tokenExpectation(key: string, fn: Endpoint["fn"], caller: TokenCaller): Outcome {
  const row = ROWS[key]!;
  const marked = (fn as unknown as { tokenScope?: TokenScope | "none" | "default" }).tokenScope;
  if (marked === undefined || marked === "none") return row.expect.stranger;
  if (caller === "token:revoked" || caller === "token:expired") return UA;
  const scope = marked === "default" ? defaultScope(key.split(" ")[0]!) : marked;
  return caller === `token:${scope}` ? row.expect.owner : FB;
}

describe("access matrix: API token callers", () => {
  const tokens = {} as Record<TokenCaller, string>;
  beforeAll(async () => {
    for (const scope of TOKEN_SCOPES)
      tokens[`token:${scope}`] = (await createApiToken(world.owner, { name: scope, scopes: [scope] })).token;
    const all = { scopes: [...TOKEN_SCOPES] };
    const revoked = await createApiToken(world.owner, { name: "revoked", ...all });
    await db.apiToken.update({ where: { id: revoked.apiToken.id }, data: { revokedAt: new Date() } });
    const expired = await createApiToken(world.owner, { name: "expired", ...all });
    await db.apiToken.update({ where: { id: expired.apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    tokens["token:revoked"] = revoked.token;
    tokens["token:expired"] = expired.token;
  });

  const routes = endpoints.filter((e) => e.key in ROWS && !e.key.includes("#"));
  describe.each(routes)("$key", ({ key, fn }) => {
    const row = ROWS[key]!;
    (row.fresh ? it.concurrent : it).each(TOKEN_CALLERS)("%s", async (caller) => {
      const doc = row.fresh ? await createDocFixture(world) : sharedDoc;
      const extra = (await row.setup?.(world, doc)) ?? {};
      const outcome = await runAsActorForTest(null, () =>
        withRequestHeaders({ authorization: `Bearer ${tokens[caller]}` }, () =>
          outcomeOf(() => row.call(fn, { world, doc, caller: "owner", token: null, extra })),
        ),
      );
      expect(outcome).toBe(tokenExpectation(key, fn, caller));
    });
  });
});
