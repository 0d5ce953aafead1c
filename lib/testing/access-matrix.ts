/**
 * Harness for the access matrix (lib/access-matrix.db.test.ts): the callers, a doc
 * fixture with one link of each kind, the discovery of every route handler and
 * server action under app/, and one way to turn any answer into an outcome string.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { HTTP_STATUS } from "@/lib/errors";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { createShareLink, revokeShareLink } from "@/lib/sharing/share-links";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";

export const CALLERS = [
  "stranger",
  "wsViewer",
  "docReviewer",
  "editor",
  "owner",
  "viewLink",
  "commentLink",
  "revokedLink",
  "expiredLink",
] as const;
export type CallerName = (typeof CALLERS)[number];
export type LinkKind = "view" | "comment" | "revoked" | "expired";

/** "ok", "redirect", an AppError code (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, …), or a SaveOutcome status. */
export type Outcome = string;

export type World = Awaited<ReturnType<typeof createWorld>>;
export type DocFixture = Awaited<ReturnType<typeof createDocFixture>>;

/**
 * One workspace (its owner wrote the docs), a workspace editor (MEMBER) and viewer,
 * someone invited to each doc alone as REVIEWER, a stranger, and spare people that
 * rows may add, invite or remove.
 */
export async function createWorld() {
  const owner = await createUser({ name: "Olivia Owner" });
  const editor = await createMember(owner.workspace.id, "MEMBER", "Eddie Editor");
  const wsViewer = await createMember(owner.workspace.id, "VIEWER", "Vera Viewer");
  const spare = await createMember(owner.workspace.id, "MEMBER", "Sam Spare");
  const docReviewer = await createUser({ name: "Rita Reviewer" });
  const stranger = await createUser({ name: "Stan Stranger" });
  const outsider = await createUser({ name: "Otto Outsider" });
  return {
    workspace: owner.workspace,
    owner: owner.actor,
    editor: editor.actor,
    wsViewer: wsViewer.actor,
    spare: spare.actor,
    docReviewer: docReviewer.actor,
    stranger: stranger.actor,
    outsider: outsider.actor,
  };
}

/** A doc with written sections, its per-doc reviewer, and a view, comment, revoked and expired link. */
export async function createDocFixture(world: World) {
  const doc = await createTestDoc(world.owner, world.workspace.id, {
    sections: { "design-overview": "Overview for the matrix" },
  });
  await db.docMember.create({
    data: { documentId: doc.id, userId: world.docReviewer.id, role: "REVIEWER", addedById: world.owner.id },
  });
  const make = async (role: "view" | "comment") => {
    const created = await createShareLink(world.owner, doc.id, { role }, "http://localhost:3000");
    return { id: created.link.id, token: created.token };
  };
  const links: Record<LinkKind, { id: string; token: string }> = {
    view: await make("view"),
    comment: await make("comment"),
    revoked: await make("view"),
    expired: await make("view"),
  };
  await revokeShareLink(world.owner, doc.id, links.revoked.id);
  await db.shareLink.update({ where: { id: links.expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  return { id: doc.id, slug: doc.slug, links };
}

/** Who the caller is: a signed-in user, or a signed-out visitor holding a link token. */
export function callerIdentity(
  world: World,
  doc: DocFixture,
  name: CallerName,
): { actor: Actor | null; token: string | null } {
  const links: Partial<Record<CallerName, LinkKind>> = {
    viewLink: "view",
    commentLink: "comment",
    revokedLink: "revoked",
    expiredLink: "expired",
  };
  const kind = links[name];
  if (kind) return { actor: null, token: doc.links[kind].token };
  return {
    actor: world[name as Exclude<CallerName, "viewLink" | "commentLink" | "revokedLink" | "expiredLink">],
    token: null,
  };
}

const STATUS_CODE = Object.fromEntries(Object.entries(HTTP_STATUS).map(([code, status]) => [status, code])) as Record<
  number,
  string
>;

/** Any answer — a Response, an ActionResult, a SaveOutcome, a redirect — as one comparable string. */
export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    if (result instanceof Response) return result.ok ? "ok" : (STATUS_CODE[result.status] ?? `HTTP ${result.status}`);
    if (result === undefined || result === null) return "ok";
    if (typeof result === "object" && "ok" in result)
      return result.ok ? "ok" : String((result as unknown as { code: string }).code);
    if (typeof result === "object" && "status" in result)
      return (result as { status: string }).status === "saved" ? "ok" : String((result as { status: string }).status);
    return "ok";
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return "redirect";
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "NOT_FOUND";
    return `threw: ${(error as Error)?.message ?? String(error)}`;
  }
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export type Endpoint = { key: string; fn: (...args: never[]) => Promise<unknown> };

/**
 * Every route handler (`app/**\/route.ts`, one entry per exported HTTP method, keyed
 * "METHOD /path") and every server action (exported functions of `app/**\/*actions.ts`,
 * keyed "file#name"), found on disk so that new ones cannot be missed.
 */
export async function discoverEndpoints(root: string): Promise<Endpoint[]> {
  const appDir = path.join(root, "app");
  const files = (readdirSync(appDir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join("/")).sort();
  const endpoints: Endpoint[] = [];
  for (const file of files) {
    const isRoute = /(^|\/)route\.ts$/.test(file);
    const isActions = /(^|\/)[^/]*actions\.ts$/.test(file);
    if (!isRoute && !isActions) continue;
    const mod = (await import(path.join(appDir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      if (isRoute && HTTP_METHODS.includes(name)) {
        const urlPath =
          "/" +
          path.posix
            .dirname(file)
            .split("/")
            .filter((s) => !/^\(.*\)$/.test(s))
            .join("/");
        endpoints.push({ key: `${name} ${urlPath}`, fn: value as Endpoint["fn"] });
      } else if (isActions) endpoints.push({ key: `${file}#${name}`, fn: value as Endpoint["fn"] });
    }
  }
  return endpoints;
}

/** Headers every request built here carries while `fn` runs (the token callers' `Authorization`). */
const extraHeaders = new AsyncLocalStorage<Record<string, string>>();
export const withRequestHeaders = <T>(headers: Record<string, string>, fn: () => Promise<T>) =>
  extraHeaders.run(headers, fn);
export const requestHeaders = (): Record<string, string> => ({
  [CLIENT_ADDRESS_HEADER]: "203.0.113.7",
  ...extraHeaders.getStore(),
});

/** Call a route handler the way Next does: a Request and a params promise. */
export function callRoute(
  fn: Endpoint["fn"],
  url: string,
  params: Record<string, string | string[]>,
  init: { method?: string; json?: unknown } = {},
) {
  const body = init.json === undefined ? undefined : JSON.stringify(init.json);
  const request = new Request(new URL(url, "http://localhost:3000"), {
    method: init.method ?? (body ? "POST" : "GET"),
    body,
    headers: body ? { "content-type": "application/json", ...requestHeaders() } : requestHeaders(),
  });
  return (fn as unknown as (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>)(request, {
    params: Promise.resolve(params),
  });
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
