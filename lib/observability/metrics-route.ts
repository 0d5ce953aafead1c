import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { renderRegistry } from "./metrics";

const digest = (s: string) => createHash("sha256").update(s).digest();
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const notFound = () => Response.json({ error: { code: "NOT_FOUND", message: "Not found." } }, { status: 404 });

/**
 * GET /api/metrics. With METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` reads it (401 otherwise);
 * without it, only a client on this machine (a scraper beside the app, or behind the proxy on the same host with
 * TRUST_PROXY_HOPS=0); anyone else gets the 404 of a path that does not exist.
 */
export async function metricsResponse(headers: Headers, token = getEnv().METRICS_TOKEN): Promise<Response> {
  if (token) {
    const given = /^Bearer (.+)$/.exec(headers.get("authorization") ?? "")?.[1] ?? "";
    if (!timingSafeEqual(digest(given), digest(token)))
      return Response.json(
        { error: { code: "UNAUTHENTICATED", message: "Send the metrics token as a Bearer token." } },
        { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } },
      );
  } else if (!LOOPBACK.has(clientAddress(headers))) return notFound();
  const { body, contentType } = await renderRegistry();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
