import { z } from "zod";
import { ZSignIn } from "@/lib/auth/schemas";
import { ZCommentBody, ZCreateThread, ZThreadState } from "@/lib/comments/schemas";
import { ZDeleteDoc } from "@/lib/docs/delete-doc";
import { ZCreateDoc, ZDocListQuery, ZImportMarkdown, ZQuickSearch, ZSaveSection } from "@/lib/docs/schemas";
import { ZNameVersion, ZRestore } from "@/lib/history/schemas";
import { ZRequestReview, ZSubmitVerdict } from "@/lib/reviews/schemas";
import { ZCreateShareLink } from "@/lib/sharing/schemas";
import type { TokenScope } from "@/lib/tokens/scopes";

/**
 * The description of every JSON route, keyed as the access matrix discovers them ("METHOD /path" with [params]).
 * `body.schema` is the zod schema the route's domain function validates with (lib/openapi/openapi.db.test.ts checks
 * that it is that very schema, that the example passes it, and that every route under app/api has an entry here);
 * `body.extra` are fields the route itself reads before handing the rest over.
 */
export type RouteDoc = {
  summary: string;
  description: string;
  tag: "Docs" | "Sections" | "Reviews" | "Comments" | "Sharing" | "Images" | "Account" | "Meta";
  /** What an API token needs (lib/tokens/scopes.ts); null: no sign-in at all. */
  scope: TokenScope | null;
  query?: z.ZodObject;
  body?:
    | { schema: z.ZodType; example: unknown; extra?: Record<string, z.ZodType> }
    | { hand: z.ZodType; example: unknown; why: string }
    | { upload: string };
  responses: Record<number, string>;
};

const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Hello" }] }] };
const ZWorkspaceRef = z.string().max(200).describe("A workspace id or slug; without it, your first workspace.");
const COMMON = { 401: "Not signed in, or the API token is unknown, revoked or expired." } as const;
const DOC = { ...COMMON, 404: "No such doc, or you cannot read it." } as const;

export const API_ROUTES: Record<string, RouteDoc> = {
  "GET /api/health": {
    summary: "Health check",
    description: "Whether the app and its database answer. No sign-in needed.",
    tag: "Meta",
    scope: null,
    responses: { 200: '{"status":"ok","db":"ok"}', 503: "The database is unreachable." },
  },
  "GET /api/ready": {
    summary: "Readiness check",
    description: "Whether this process may take traffic: database, Redis when configured, no pending migration.",
    tag: "Meta",
    scope: null,
    responses: { 200: "{ status: ready, … }", 503: "Not ready, with what is missing." },
  },
  "GET /api/metrics": {
    summary: "Prometheus metrics",
    description: "Metrics in Prometheus text format, with METRICS_TOKEN as a Bearer token (not an API token).",
    tag: "Meta",
    scope: null,
    responses: { 200: "text/plain metrics", 404: "Without the metrics token, from another machine." },
  },
  "GET /api/docs/[id]/collab": {
    summary: "Live collaboration ticket",
    description: "The collaboration server's address and a short-lived signed token for this person and doc.",
    tag: "Docs",
    scope: "read",
    responses: { ...DOC, 200: "{ url, token, … }" },
  },
  "GET /api/docs/[id]/history": {
    summary: "History",
    description: "One page of the doc's history entries, newest first (`before=<seq>` for the next page).",
    tag: "Docs",
    scope: "read",
    responses: { ...DOC, 200: "A page of history entries." },
  },
  "GET /api/docs/[id]/history/[seq]": {
    summary: "The doc at a point in history",
    description: "The doc as of that history entry, with its stamps then.",
    tag: "Docs",
    scope: "read",
    responses: { ...DOC, 200: "The doc then." },
  },
  "GET /api/docs/[id]/history/diff": {
    summary: "Diff between two points",
    description: "Per-section rich diff between `from` (or `since`, an ISO time) and `to` (default now).",
    tag: "Docs",
    scope: "read",
    responses: { ...DOC, 200: "Per-section diff.", 422: "Invalid points." },
  },
  "POST /api/docs/[id]/history/[seq]/restore": {
    summary: "Restore from history",
    description:
      "Each chosen section's content at that point becomes a new version. With no sections listed, the whole doc: " +
      "extra sections removed since come back, ones added since are removed (kept when they have open threads).",
    tag: "Docs",
    scope: "write",
    body: { schema: ZRestore, example: { sections: ["architecture"] } },
    responses: {
      ...DOC,
      200: "{ seq, from, restored, unchanged, added, removed, kept, renamed, changes }",
      403: "Non-editors.",
      409: "Locked.",
    },
  },
  "POST /api/docs/[id]/named-versions": {
    summary: "Name the current version",
    description: "Give the doc's current point in history a name.",
    tag: "Docs",
    scope: "write",
    body: { schema: ZNameVersion, example: { name: "Sent to security review" } },
    responses: { ...DOC, 201: "{ id, name, seq, createdAt, createdBy }", 403: "You may not.", 422: "Invalid name." },
  },
  "GET /api/openapi.json": {
    summary: "This description",
    description:
      "The OpenAPI 3.1 description of the JSON API, generated from the zod schemas the routes validate with.",
    tag: "Meta",
    scope: null,
    responses: { 200: "An OpenAPI 3.1 document." },
  },
  "POST /api/sign-in": {
    summary: "Sign in",
    description:
      "Email and password sign-in for scripts: answers with a session cookie. API tokens are the better way.",
    tag: "Account",
    scope: null,
    body: { schema: ZSignIn, example: { email: "raj@example.com", password: "correct horse battery" } },
    responses: {
      200: "Signed in; the session cookie is set.",
      401: "Wrong email or password.",
      429: "Too many tries.",
    },
  },
  "GET /api/docs": {
    summary: "List docs",
    description: "Docs of a workspace the caller can read; `q` searches their full text.",
    tag: "Docs",
    scope: "read",
    query: ZDocListQuery.extend({ workspace: ZWorkspaceRef.optional() }),
    responses: { ...COMMON, 200: "{ docs: [...] }; each search hit names its matching section." },
  },
  "GET /api/search": {
    summary: "Search everywhere",
    description:
      "Docs and sections the caller can read in every workspace they belong to, title hits first (the header's " +
      "Ctrl/Cmd+K search). Fewer than 2 characters find nothing.",
    tag: "Docs",
    scope: "read",
    query: ZQuickSearch,
    responses: { ...COMMON, 200: "{ hits: [{ kind, href, docTitle, workspace, section }] }", 422: "q is too long." },
  },
  "POST /api/docs": {
    summary: "Create a doc",
    description: "A new doc from a template (the built-in one by default).",
    tag: "Docs",
    scope: "write",
    body: {
      schema: ZCreateDoc,
      example: { title: "Payments Ledger v2" },
      extra: { workspace: ZWorkspaceRef.optional() },
    },
    responses: { ...COMMON, 201: "{ id, slug, url }", 403: "Viewers cannot create docs.", 422: "Invalid title." },
  },
  "POST /api/docs/import": {
    summary: "Import Markdown",
    description: "A doc from a Markdown file; headings the template lacks become sections of the doc's own.",
    tag: "Docs",
    scope: "write",
    body: {
      schema: ZImportMarkdown,
      example: { markdown: "# Ledger\n\n## Design Overview\n\nDouble entry." },
      extra: { workspace: ZWorkspaceRef.optional() },
    },
    responses: { ...COMMON, 201: "{ id, slug, url, title, matched, extra }", 413: "Over 1 MB.", 422: "Cannot import." },
  },
  "GET /api/docs/[id]": {
    summary: "Read a doc",
    description: "The doc with its sections (Tiptap JSON content, version, stamps) and sign-off state.",
    tag: "Docs",
    scope: "read",
    responses: { ...DOC, 200: "The doc." },
  },
  "DELETE /api/docs/[id]": {
    summary: "Delete a doc for good",
    description:
      "Deletes the doc with its history, reviews, comments, images and share links (links stop at once). " +
      "Workspace owners and admins only; the doc's title typed again confirms it. Recorded in the audit trail.",
    tag: "Docs",
    scope: "admin",
    body: { schema: ZDeleteDoc, example: { confirmTitle: "Payments ledger v2" } },
    responses: { ...DOC, 200: "{ deleted }", 422: "The title does not match." },
  },
  "GET /api/workspaces/[id]/export.zip": {
    summary: "Export a workspace",
    description:
      "The whole workspace as one zip, streamed: per doc its Markdown and a JSON of its reviews, verdicts, comments " +
      "and audit trail (docs/<slug>.md, docs/<slug>.reviews.json), every image (images/), the workspace's audit " +
      "trail (audit.json) and a manifest. Workspace owners only; recorded in the audit trail.",
    tag: "Account",
    scope: "admin",
    responses: {
      ...COMMON,
      200: "application/zip",
      403: "You are not an owner of this workspace.",
      404: "No such workspace, or you are not a member.",
      413: "The workspace's images are too large for one archive.",
    },
  },
  "GET /api/docs/[id]/export.md": {
    summary: "Export as Markdown",
    description: "The doc as Markdown in its template's shape, with the derived footer.",
    tag: "Docs",
    scope: "read",
    responses: { ...DOC, 200: "text/markdown" },
  },
  "GET /api/docs/[id]/export.docx": {
    summary: "Export as Word",
    description:
      "The doc as a .docx file in its template's shape (headings, lists, tables, code, links, images as " +
      "links), with the footer stamps.",
    tag: "Docs",
    scope: "read",
    responses: { ...DOC, 200: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  },
  "GET /api/docs/[id]/sections/[key]": {
    summary: "Read a section",
    description: "One section with its Tiptap JSON, version and stamps.",
    tag: "Sections",
    scope: "read",
    responses: { ...DOC, 200: "The section." },
  },
  "PUT /api/docs/[id]/sections/[key]": {
    summary: "Save a section",
    description: "New Tiptap JSON content for a section, based on the version you read; a stale base is a conflict.",
    tag: "Sections",
    scope: "write",
    body: { schema: ZSaveSection, example: { baseVersion: 1, content } },
    responses: {
      ...DOC,
      200: "{ version, updatedAt, updatedBy, changed }",
      403: "You may not edit this doc.",
      409: "The section changed since baseVersion; error.data.current holds the newer content.",
      422: "Invalid content.",
    },
  },
  "GET /api/docs/[id]/reviews": {
    summary: "Sign-off state",
    description: "Status, rule, every requested reviewer with their state, and the Reviewed By stamps.",
    tag: "Reviews",
    scope: "read",
    responses: { ...DOC, 200: "The sign-off state." },
  },
  "POST /api/docs/[id]/reviews": {
    summary: "Request a review",
    description: "Ask people who can open the doc to review it, or some of its sections.",
    tag: "Reviews",
    scope: "review",
    body: { schema: ZRequestReview, example: { reviewerIds: ["clx0reviewer0000000000000"], message: "Please look" } },
    responses: { ...DOC, 201: "{ requested, status }", 403: "Non-editors cannot ask.", 422: "Invalid reviewers." },
  },
  "POST /api/docs/[id]/verdicts": {
    summary: "Give a verdict",
    description:
      'Approve, request changes or comment on the revision you read. `verdict: "approve"` is accepted for `kind`.',
    tag: "Reviews",
    scope: "review",
    body: { schema: ZSubmitVerdict, example: { kind: "COMMENT", body: "Looks right", revision: 1 } },
    responses: {
      ...DOC,
      201: "{ id, kind, revision, contentHash, status }",
      403: "You may not review, or not approve this.",
      409: "The revision is not current; error.data.sections says what changed.",
    },
  },
  "GET /api/docs/[id]/signoff.json": {
    summary: "Sign-off record (JSON)",
    description: "Every approval with its content hash, every verdict, and the audit trail.",
    tag: "Reviews",
    scope: "read",
    responses: { ...DOC, 200: "The record." },
  },
  "GET /api/docs/[id]/signoff.md": {
    summary: "Sign-off record (Markdown)",
    description: "The sign-off record as Markdown.",
    tag: "Reviews",
    scope: "read",
    responses: { ...DOC, 200: "text/markdown" },
  },
  "GET /api/docs/[id]/comments": {
    summary: "List comment threads",
    description: "Every thread with its anchor, comments and resolved/blocking stamps; names only, never emails.",
    tag: "Comments",
    scope: "read",
    responses: { ...DOC, 200: "{ threads, me }" },
  },
  "POST /api/docs/[id]/comments": {
    summary: "Start a thread",
    description: "A comment on a section, or on text in it (anchor); `body` is comment JSON (Tiptap, small set).",
    tag: "Comments",
    scope: "review",
    body: { schema: ZCreateThread, example: { sectionKey: "design-overview", body: content } },
    responses: { ...DOC, 201: "{ threadId, commentId }", 409: "The selected text changed.", 422: "Invalid body." },
  },
  "POST /api/docs/[id]/comments/[threadId]/replies": {
    summary: "Reply in a thread",
    description: "A reply to a thread of the doc.",
    tag: "Comments",
    scope: "review",
    body: { schema: ZCommentBody, example: { body: content } },
    responses: { ...DOC, 201: "{ commentId }", 422: "Invalid body." },
  },
  "PATCH /api/docs/[id]/comments/[threadId]": {
    summary: "Resolve or block a thread",
    description: "Resolve or reopen a thread, or mark it blocking (needs the review permission).",
    tag: "Comments",
    scope: "review",
    body: { schema: ZThreadState, example: { resolved: true } },
    responses: { ...DOC, 200: "{ resolved, blocking, status }", 403: "You may not." },
  },
  "GET /api/docs/[id]/share-links": {
    summary: "List share links",
    description: "The doc's share links with their state, expiry and use; owners and editors.",
    tag: "Sharing",
    scope: "read",
    responses: { ...DOC, 200: "{ links }", 403: "Only owners and editors see links." },
  },
  "POST /api/docs/[id]/share-links": {
    summary: "Create a share link",
    description: "A link for people without an account; its token is in this answer only (default expiry 30 days).",
    tag: "Sharing",
    scope: "admin",
    body: { schema: ZCreateShareLink, example: { role: "view", expiresInDays: 7 } },
    responses: { ...DOC, 201: "{ url, token, link }", 403: "You may not share this doc.", 422: "Invalid input." },
  },
  "DELETE /api/docs/[id]/share-links/[linkId]": {
    summary: "Revoke a share link",
    description: "The link is a 404 from the next request on.",
    tag: "Sharing",
    scope: "admin",
    responses: { ...DOC, 200: "{ link } with state revoked", 403: "You may not share this doc." },
  },
  "GET /api/docs/[id]/images": {
    summary: "List images",
    description: "Images uploaded to the doc.",
    tag: "Images",
    scope: "read",
    responses: { ...DOC, 200: "{ images }" },
  },
  "POST /api/docs/[id]/images": {
    summary: "Upload an image",
    description: "PNG, JPEG, GIF or WebP up to 10 MB, as the raw body (name in X-File-Name) or multipart field `file`.",
    tag: "Images",
    scope: "write",
    body: { upload: "image/png, image/jpeg, image/gif, image/webp" },
    responses: { ...DOC, 201: "{ image }", 413: "Over 10 MB.", 422: "Not an image we accept." },
  },
  "POST /api/docs/[id]/images/copies": {
    summary: "Copy an image into this doc",
    description: "Another doc's image (one you can read) made this doc's.",
    tag: "Images",
    scope: "write",
    body: {
      hand: z.object({ src: z.string().describe("The image's app URL, /media/<id>.") }),
      example: { src: "/media/clx0image000000000000000" },
      why: "the route reads `src` itself and the media module checks it",
    },
    responses: { ...DOC, 201: "{ image }" },
  },
  "GET /media/[imageId]": {
    summary: "An image",
    description: "An uploaded image, for readers of its doc.",
    tag: "Images",
    scope: "read",
    responses: { 200: "The image bytes.", 404: "No such image, or you cannot read its doc." },
  },
};
