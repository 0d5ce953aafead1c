import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom } from "./client-address";

/**
 * Runs once at boot (lib/boot.ts, from instrumentation.ts, in the process whose HTTP
 * server Next serves from) and then on every request before Next sees it. Why this
 * way: docs/client-address.md.
 */
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];
const INSTALLED = Symbol.for("design-review.forwarded-headers");

/**
 * Record the client's address in CLIENT_ADDRESS_HEADER (over whatever a client sent
 * under that name). With no trusted proxy, drop every X-Forwarded-* header: Next then
 * fills X-Forwarded-For, -Host and -Proto from the socket and the Host header itself,
 * so nothing downstream (our origin check, links in emails, Auth.js's secure cookies,
 * Next's own server-action check) believes what a client wrote there. Behind trusted
 * proxies, the value the nearest proxy set (the last one) is kept.
 */
export function rewriteForwardedHeaders(req: IncomingMessage, hops: number): void {
  const headers = req.headers;
  const forwardedFor = headers["x-forwarded-for"];
  headers[CLIENT_ADDRESS_HEADER] = clientAddressFrom(
    req.socket?.remoteAddress,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    hops,
  );
  if (hops === 0) {
    for (const name of FORWARDED) delete headers[name];
    return;
  }
  for (const name of ["x-forwarded-host", "x-forwarded-proto"]) {
    const value = headers[name];
    const last = (Array.isArray(value) ? value.join(",") : value)?.split(",").at(-1)?.trim();
    if (last) headers[name] = last;
    else delete headers[name];
  }
}

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/** Patch the "request" event of every HTTP(S) server in this process, existing ones included. Idempotent. */
export function installForwardedHeaders(hops: number): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Record<symbol, unknown>[]) {
    if (proto[INSTALLED]) continue;
    const target = proto as unknown as { emit: Emit };
    const emit = target.emit;
    target.emit = function (event, ...args) {
      if (event === "request") rewriteForwardedHeaders(args[0] as IncomingMessage, hops);
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}
