import "server-only";
import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { claimsFromCookies, liveSessionJoin, sessionHolds } from "@/lib/auth/session-token";
import { db, Prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { accessRowSql, roleFromAccessRow, type AccessRow } from "./access";
import { docPageFingerprintSql } from "./page-data";
import { docCan } from "./policy";

/**
 * The doc page's rendered HTML, kept per reader and per state of what the page shows.
 *
 * Rendering the page (React, ~60 KB of section HTML twice: markup and RSC payload)
 * costs ~20 ms of CPU; reading what it shows costs ~1 ms. So proxy.ts asks here first:
 * the key is the reader, their role, and an md5 that PostgreSQL computes over the very
 * rows the page renders from (DOC_PAGE_STATEMENTS in ./page-data.ts, the page's own
 * statements, one definition for both), so any change the page would show — a save, a comment mark, a verdict,
 * a rename, a new notification — is a new key. Nothing has to remember to invalidate.
 *
 * A miss renders the page as usual, through a request to this same server marked with
 * RENDER_HEADER (which skips this cache), and keeps the HTML if the key still holds
 * afterwards. The per-request CSP nonce is swapped on every hit. Only plain document
 * GETs of /docs/<slug> with a session and no query string are served from here: client
 * navigations (RSC), flags in the query, share links and everything else render as before.
 */

export const RENDER_HEADER = "x-design-review-render";
const SLUG_PATH = /^\/docs\/([^/]+)$/;
const TTL_MS = 10 * 60_000;
/** Response headers that describe the transfer, not the page: never replayed. */
const HOP_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "content-security-policy",
  "set-cookie",
]);

/** The HTML as UTF-8 bytes cut at its CSP nonce, so a hit joins buffers instead of encoding ~200 KB of text. */
type Page = { parts: Buffer[]; headers: [string, string][] };
type Entry = Page & { bytes: number; storedAt: number };

const state = ((
  globalThis as {
    __docPageCache?: { entries: Map<string, Entry>; bytes: number; filling: Map<string, Promise<Page | null>> };
  }
).__docPageCache ??= {
  entries: new Map(),
  bytes: 0,
  filling: new Map(),
});

/** Off in development (the code changes under it) and with PAGE_CACHE=off. */
export function pageCacheEnabled(): boolean {
  return process.env.NODE_ENV === "production" && getEnv().PAGE_CACHE === "on" && !!renderOrigin();
}

/**
 * Where the server renders a miss: itself (`next start` records its port in PORT), unless PAGE_CACHE_ORIGIN says
 * otherwise.
 */
function renderOrigin(): string | null {
  return getEnv().PAGE_CACHE_ORIGIN ?? (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null);
}

const maxBytes = () => getEnv().PAGE_CACHE_MB * 1024 * 1024;

/** A request this cache may answer: a full page load of a doc, signed in, nothing in the query. */
export function cacheableDocRequest(request: NextRequest): string | null {
  if (request.method !== "GET" || request.nextUrl.search) return null;
  const h = request.headers;
  if (
    h.has(RENDER_HEADER) ||
    h.has("rsc") ||
    h.has("next-router-prefetch") ||
    h.has("next-router-state-tree") ||
    h.has("next-action")
  )
    return null;
  const slug = SLUG_PATH.exec(request.nextUrl.pathname)?.[1];
  return slug && slug.length <= 200 ? slug : null;
}

/**
 * The key for this reader and doc as they stand now, or null when the page would not
 * be a plain 200 for them (signed out, no access, chunked session cookie): those render.
 * One statement: the session's user, the access check and the fingerprint.
 */
export async function docPageKey(
  cookies: Parameters<typeof claimsFromCookies>[0],
  slug: string,
): Promise<string | null> {
  if (slug.length > 200) return null;
  const claims = await claimsFromCookies(cookies);
  if (!claims?.sessionId) return null;
  const userId = Prisma.sql`u.id`;
  const [row] = await db.$queryRaw<KeyRow[]>`
    SELECT u.name, u.email, u."sessionVersion", acc."authorId", acc."workspaceRole", acc."memberRole", acc."linkRole",
      CASE WHEN acc.id IS NULL THEN NULL ELSE ${docPageFingerprintSql({ docId: Prisma.sql`acc.id`, userId })} END AS fp
    FROM "User" u ${liveSessionJoin(claims.sessionId)}
      LEFT JOIN LATERAL (${accessRowSql(userId, "", Prisma.sql`d.slug = ${slug}`)}) acc ON true
    WHERE u.id = ${claims.id}`;
  if (!row?.fp || !sessionHolds(row, claims)) return null;
  const role = roleFromAccessRow(row, claims.id);
  if (!docCan(role, "view")) return null;
  return createHash("sha256")
    .update(JSON.stringify([claims.id, row.name, row.email, role, row.workspaceRole, slug, row.fp]))
    .digest("base64url");
}

type KeyRow = Pick<AccessRow, "authorId" | "workspaceRole" | "memberRole" | "linkRole"> & {
  name: string;
  email: string;
  sessionVersion: number;
  fp: string | null;
};

/** Serve the doc page from the cache, filling it on a miss; null = render as usual. */
export async function serveDocPage(
  request: NextRequest,
  slug: string,
  nonce: string,
  policy: string,
): Promise<Response | null> {
  const key = await docPageKey(request.cookies, slug);
  if (!key) return null;
  const hit = lookup(key);
  if (hit) return respond(hit, nonce, policy, "hit");
  let filling = state.filling.get(key);
  if (!filling) {
    filling = fill(request, slug, key).finally(() => state.filling.delete(key));
    state.filling.set(key, filling);
  }
  const page = await filling;
  return page ? respond(page, nonce, policy, "miss") : null;
}

function lookup(key: string): Entry | null {
  const entry = state.entries.get(key);
  if (!entry) return null;
  state.entries.delete(key);
  if (Date.now() - entry.storedAt > TTL_MS) {
    state.bytes -= entry.bytes;
    return null;
  }
  state.entries.set(key, entry); // most recently used last
  return entry;
}

function store(key: string, page: Page): void {
  const bytes = page.parts.reduce((sum, part) => sum + part.length, 0);
  if (bytes > maxBytes() / 4) return;
  state.entries.set(key, { ...page, bytes, storedAt: Date.now() });
  state.bytes += bytes;
  for (const [oldest, entry] of state.entries) {
    if (state.bytes <= maxBytes()) break;
    state.entries.delete(oldest);
    state.bytes -= entry.bytes;
  }
}

async function fill(request: NextRequest, slug: string, key: string): Promise<Page | null> {
  const url = new URL(request.nextUrl.pathname, renderOrigin()!);
  const headers: Record<string, string> = { [RENDER_HEADER]: "1", accept: "text/html", "accept-encoding": "identity" };
  for (const name of ["cookie", "user-agent", "accept-language", "x-forwarded-proto"]) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  headers["x-forwarded-host"] = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  } catch {
    return null; // the server cannot reach itself (bound to another address): render in place
  }
  const type = res.headers.get("content-type") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
  if (res.status !== 200 || !type.startsWith("text/html") || res.headers.has("set-cookie") || !nonce) {
    await res.body?.cancel();
    return null;
  }
  const html = await res.text();
  const page: Page = {
    parts: html.split(nonce).map((part) => Buffer.from(part)),
    headers: [...res.headers].filter(([name]) => !HOP_HEADERS.has(name)),
  };
  // Kept only if nothing the page shows changed while it rendered: otherwise this HTML may be newer than the key says.
  if ((await docPageKey(request.cookies, slug)) === key) store(key, page);
  return page;
}

function respond(page: Page, nonce: string, policy: string, how: "hit" | "miss"): Response {
  const headers = new Headers(page.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-page-cache", how);
  const glue = Buffer.from(nonce);
  const body = Buffer.concat(page.parts.flatMap((part, i) => (i === 0 ? [part] : [glue, part])));
  return new Response(body, { status: 200, headers });
}
