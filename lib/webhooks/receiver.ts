/**
 * A real HTTP receiver on loopback for the webhook tests (db and e2e): records what arrives, answers as told.
 * Test-only; never imported by the app.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: http.IncomingHttpHeaders; body: string; path: string };
export type Answer = { status: number; headers?: Record<string, string>; body?: string };

export async function startReceiver(answer: (r: Received) => Answer = () => ({ status: 200 })) {
  const received: Received[] = [];
  let respond = answer;
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const r = { headers: req.headers, body: Buffer.concat(parts).toString("utf8"), path: req.url ?? "/" };
      received.push(r);
      const a = respond(r);
      res.writeHead(a.status, a.headers ?? {});
      res.end(a.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    answerWith: (next: (r: Received) => Answer) => void (respond = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
