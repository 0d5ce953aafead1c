import "server-only";
import http from "node:http";
import https from "node:https";
import { assertDeliverableHost, guardedLookup } from "./ssrf";

/** A receiver has this long to answer, headers and body together. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** What is read of a receiver's answer (the log keeps its status, not its body); the rest is dropped. */
const RESPONSE_BYTES = 16 * 1024;

export type SendResult = { status: number | null; error: string | null; durationMs: number };

/**
 * One POST, with no redirects followed (a 3xx is a failure: a redirect could point anywhere, the private network
 * included), connections only to allowed addresses (lib/webhooks/ssrf.ts), and time and answer size capped.
 */
export function sendWebhook(url: URL, headers: Record<string, string>, body: string): Promise<SendResult> {
  const started = Date.now();
  const done = (status: number | null, error: string | null): SendResult => ({
    status,
    error,
    durationMs: Date.now() - started,
  });
  return new Promise((resolve) => {
    try {
      assertDeliverableHost(url);
    } catch (error) {
      return resolve(done(null, (error as Error).message));
    }
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "POST",
      headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      lookup: guardedLookup,
      timeout: DELIVERY_TIMEOUT_MS,
    });
    const deadline = setTimeout(() => request.destroy(new Error("no answer within 10 s")), DELIVERY_TIMEOUT_MS);
    const finish = (result: SendResult) => {
      clearTimeout(deadline);
      resolve(result);
    };
    request.on("timeout", () => request.destroy(new Error("no answer within 10 s")));
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish(
        done(null, error.code === "EADDRNOTALLOWED" ? error.message : `${error.code ?? ""} ${error.message}`.trim()),
      ),
    );
    request.on("response", (response) => {
      let read = 0;
      response.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > RESPONSE_BYTES) response.destroy();
      });
      const status = response.statusCode ?? 0;
      const settle = () =>
        finish(
          done(status, status >= 200 && status < 300 ? null : redirectOrStatus(status, response.headers.location)),
        );
      response.on("end", settle);
      response.on("close", settle);
      response.on("error", settle);
    });
    request.end(body);
  });
}

function redirectOrStatus(status: number, location: string | undefined): string {
  if (status >= 300 && status < 400) return `redirect to ${location ?? "?"} not followed`;
  return `HTTP ${status}`;
}
