import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { requestContext, type RequestContext } from "./context";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { loadRoutes, routeOf } from "./routes";

const INSTALLED = Symbol.for("design-review.request-observability");
type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/** A request id a client or proxy sent, when it is a plain one; else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{8,64}$/.test(value) ? value : randomBytes(8).toString("hex");
}

/**
 * Around every request of this process's HTTP servers (lib/boot.ts): a request id (echoed as X-Request-Id), a
 * context the logger and getActor() fill, and when the answer is sent one log line (request id, user id, method,
 * route pattern, status, duration; never the URL itself, its query or a header) and the HTTP metrics.
 */
export function installRequestObservability(): void {
  const routes = loadRoutes();
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Record<symbol, unknown>[]) {
    if (proto[INSTALLED]) continue;
    const target = proto as unknown as { emit: Emit };
    const emit = target.emit;
    target.emit = function (event, ...args) {
      if (event !== "request") return emit.call(this, event, ...args);
      const req = args[0] as IncomingMessage;
      const res = args[1] as ServerResponse;
      const ctx: RequestContext = { id: requestIdFrom(req.headers["x-request-id"]) };
      const started = process.hrtime.bigint();
      res.setHeader("X-Request-Id", ctx.id);
      res.once("finish", () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const route = routeOf(routes, (req.url ?? "/").split("?")[0] ?? "/");
        const method = req.method ?? "GET";
        const status = res.statusCode;
        const m = metrics();
        m.httpRequests.inc({ method, route, status: String(status) });
        m.httpDuration.observe({ method, route }, seconds);
        const cache = res.getHeader("x-page-cache");
        if (cache === "hit" || cache === "miss") m.pageCache.inc({ result: cache });
        if (route === "/_next" || route === "/api/health") return;
        logger[status >= 500 ? "error" : "info"](
          {
            reqId: ctx.id,
            ...(ctx.userId ? { userId: ctx.userId } : {}),
            method,
            route,
            status,
            ms: Math.round(seconds * 10_000) / 10,
          },
          "request",
        );
      });
      return requestContext.run(ctx, () => emit.call(this, event, ...args));
    };
    proto[INSTALLED] = true;
  }
}
