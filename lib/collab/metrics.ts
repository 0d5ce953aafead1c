import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { renderRegistry, type createRegistry } from "@/lib/observability/metrics";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const digest = (s: string) => createHash("sha256").update(s).digest();

/** Who may read the collab process's /metrics: the same rule as the app's /api/metrics. */
export function metricsAccess(
  headers: { authorization?: string; "x-forwarded-for"?: string | string[] },
  remoteAddress: string | undefined,
  token: string | undefined,
): 200 | 401 | 404 {
  if (token) {
    const given = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1] ?? "";
    return timingSafeEqual(digest(given), digest(token)) ? 200 : 401;
  }
  // Without a token: a scraper on this machine only (a request a proxy forwarded is not from this machine).
  return LOOPBACK.has(remoteAddress ?? "") && headers["x-forwarded-for"] === undefined ? 200 : 404;
}

/**
 * GET /metrics on the collaboration port: Prometheus text of this process (open connections and docs, stores,
 * store errors, and the process's CPU, memory and event-loop lag). True when the request was answered here.
 */
export async function metricsRequest(
  request: IncomingMessage,
  response: ServerResponse,
  metrics: ReturnType<typeof createRegistry>,
  token: string | undefined,
): Promise<boolean> {
  const path = (request.url ?? "/").split("?")[0];
  if (path !== "/metrics") return false;
  const status = metricsAccess(request.headers, request.socket.remoteAddress, token);
  if (status !== 200) {
    const message = status === 401 ? "Send the metrics token as a Bearer token." : "Not found.";
    response.writeHead(status, {
      "Content-Type": "application/json",
      ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="metrics"' } : {}),
    });
    response.end(JSON.stringify({ error: { code: status === 401 ? "UNAUTHENTICATED" : "NOT_FOUND", message } }));
    return true;
  }
  const { body, contentType } = await renderRegistry(metrics);
  response.writeHead(200, { "Content-Type": contentType, "Cache-Control": "no-store" });
  response.end(body);
  return true;
}
