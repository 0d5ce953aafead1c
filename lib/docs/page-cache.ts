import "server-only";
import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { actorFromClaims, claimsFromCookies } from "@/lib/auth/session-token";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { headerRowSql } from "@/lib/workspaces/queries";
import { requireDocAccess } from "./access";
import { docPageRowSql } from "./doc-page";

/**
 * The doc page's rendered HTML, kept per reader and per state of what the page shows.
 *
 * Rendering the page (React, ~60 KB of section HTML twice: markup and RSC payload)
 * costs ~20 ms of CPU; reading what it shows costs ~1 ms. So proxy.ts asks here first:
 * the key is the reader, their role, and an md5 that PostgreSQL computes over the very
 * rows the page renders from (docPageRowSql and headerRowSql, the page's own
 * statements), so any change the page would show — a save, a comment mark, a verdict,
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
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "content-security-policy", "set-cookie"]);

type Entry = { html: string; nonce: string; headers: [string, string][]; bytes: number; storedAt: number };
type Page = { html: string; nonce: string; headers: [string, string][] };

const state = ((globalThis as { __docPageCache?: { entries: Map<string, Entry>; bytes: number; filling: Map<string, Promise<Page | null>> } }).__docPageCache ??= {
  entries: new Map(),
  bytes: 0,
  filling: new Map(),
});

/** Off in development (the code changes under it) and with PAGE_CACHE=off. */
export function pageCacheEnabled(): boolean {
  return process.env.NODE_ENV === "production" && getEnv().PAGE_CACHE === "on" && !!renderOrigin();
}

/** Where the server renders a miss: itself (`next start` records its port in PORT), unless PAGE_CACHE_ORIGIN says otherwise. */
function renderOrigin(): string | null {
  return getEnv().PAGE_CACHE_ORIGIN ?? (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null);
}

const maxBytes = () => getEnv().PAGE_CACHE_MB * 1024 * 1024;

/** A request this cache may answer: a full page load of a doc, signed in, nothing in the query. */
export function cacheableDocRequest(request: NextRequest): string | null {
  if (request.method !== "GET" || request.nextUrl.search) return null;
  const h = request.headers;
  if (h.has(RENDER_HEADER) || h.has("rsc") || h.has("next-router-prefetch") || h.has("next-router-state-tree") || h.has("next-action")) return null;
  const slug = SLUG_PATH.exec(request.nextUrl.pathname)?.[1];
  return slug && slug.length <= 200 ? slug : null;
}

/**
 * The key for this reader and doc as they stand now, or null when the page would not
 * be a plain 200 for them (signed out, no access, chunked session cookie): those render.
 */
export async function docPageKey(cookies: Parameters<typeof claimsFromCookies>[0], slug: string): Promise<string | null> {
  const claims = await claimsFromCookies(cookies);
  if (!claims) return null;
  const actor = await actorFromClaims(claims);
  if (!actor) return null;
  const ctx = await requireDocAccess(actor, { slug }, "view").catch((e) => (isAppError(e) ? null : Promise.reject(e)));
  if (!ctx) return null;
  const [row] = await db.$queryRaw<{ fp: string | null }[]>`
    SELECT md5(concat_ws(chr(31),
      (SELECT row_to_json(p)::text FROM (${docPageRowSql(ctx.doc.id)}) p),
      (SELECT row_to_json(h)::text FROM (${headerRowSql(actor.id)}) h))) AS fp`;
  if (!row?.fp) return null;
  return createHash("sha256").update(JSON.stringify([actor, ctx.role, ctx.workspaceRole, slug, row.fp])).digest("base64url");
}

/** Serve the doc page from the cache, filling it on a miss; null = render as usual. */
export async function serveDocPage(request: NextRequest, slug: string, nonce: string, policy: string): Promise<Response | null> {
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
  const bytes = page.html.length * 2;
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
  const page: Page = { html: await res.text(), nonce, headers: [...res.headers].filter(([name]) => !HOP_HEADERS.has(name)) };
  // Kept only if nothing the page shows changed while it rendered: otherwise this HTML may be newer than the key says.
  if ((await docPageKey(request.cookies, slug)) === key) store(key, page);
  return page;
}

function respond(page: Page, nonce: string, policy: string, how: "hit" | "miss"): Response {
  const headers = new Headers(page.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-page-cache", how);
  return new Response(page.html.split(page.nonce).join(nonce), { status: 200, headers });
}
