import { afterEach, describe, expect, it } from "vitest";
import net from "node:net";
import { db } from "@/lib/db";
import { saveSection } from "@/lib/docs/save-section";
import { createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { metrics } from "./metrics";
import { metricsResponse } from "./metrics-route";
import { checkReadiness } from "./ready";

const from = (address: string, extra: Record<string, string> = {}) =>
  new Headers({ "x-design-review-client": address, ...extra });

/** The value of one sample in Prometheus text, or 0. */
const sample = (text: string, line: string) =>
  Number(
    text
      .split("\n")
      .find((l) => l.startsWith(`${line} `))
      ?.slice(line.length + 1) ?? 0,
  );

afterEach(() => {
  delete process.env.REDIS_URL;
});

describe("/api/ready", () => {
  it("is ready when the database answers and every migration is applied; a pending one: not ready", async () => {
    expect(await checkReadiness()).toEqual({
      status: "ready",
      db: "ok",
      redis: "not configured",
      migrations: { pending: [] },
    });
    const [last] = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    const name = last!.migration_name;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${name}`;
    expect(await checkReadiness()).toMatchObject({
      status: "not ready",
      migrations: { pending: [last!.migration_name] },
    });
    await db.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${name}`;
  });

  it("checks Redis when REDIS_URL is set: a dead one makes it not ready", async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    process.env.REDIS_URL = `redis://127.0.0.1:${closed}`;
    expect(await checkReadiness()).toMatchObject({ status: "not ready", redis: "unreachable", db: "ok" });
    // A server that speaks RESP, as Redis does, answers PONG.
    const fake = net.createServer((socket) => socket.on("data", () => socket.write("+PONG\r\n")));
    const port = await new Promise<number>((resolve) =>
      fake.listen(0, "127.0.0.1", () => resolve((fake.address() as net.AddressInfo).port)),
    );
    try {
      process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
      expect(await checkReadiness()).toMatchObject({ status: "ready", redis: "ok" });
    } finally {
      fake.close();
    }
  });
});

describe("/api/metrics", () => {
  it("answers this machine without a token, a 404 to anyone else", async () => {
    const local = await metricsResponse(from("127.0.0.1"), undefined);
    expect(local.status).toBe(200);
    expect(local.headers.get("content-type")).toContain("text/plain");
    const text = await local.text();
    for (const name of ["http_requests_total", "http_request_duration_seconds", "section_saves_total"])
      expect(text).toContain(`# TYPE ${name}`);
    for (const name of ["page_cache_requests_total", "collab_connections", "collab_docs", "email_queue_in_flight"])
      expect(text).toContain(`# TYPE ${name}`);
    expect(text).toMatch(/^db_pool_connections\{state="total"\} \d+$/m);
    expect((await metricsResponse(from("203.0.113.7"), undefined)).status).toBe(404);
  });

  it("with METRICS_TOKEN, only the Bearer token reads it, from anywhere", async () => {
    const token = "metrics-token-0123456789";
    expect((await metricsResponse(from("127.0.0.1"), token)).status).toBe(401);
    const wrong = from("203.0.113.7", { authorization: "Bearer nope-nope-nope-nope" });
    expect((await metricsResponse(wrong, token)).status).toBe(401);
    const right = from("203.0.113.7", { authorization: `Bearer ${token}` });
    expect((await metricsResponse(right, token)).status).toBe(200);
  });

  it("counts section saves and conflicts", async () => {
    const before = await metrics().registry.metrics();
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    await saveSection(actor, doc.id, "design-overview", { baseVersion: 1, content: paragraph("First.") });
    await expect(
      saveSection(actor, doc.id, "design-overview", { baseVersion: 1, content: paragraph("Stale.") }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await metrics().registry.metrics();
    const saved = 'section_saves_total{result="saved"}';
    const conflict = 'section_saves_total{result="conflict"}';
    expect(sample(after, saved) - sample(before, saved)).toBe(1);
    expect(sample(after, conflict) - sample(before, conflict)).toBe(1);
  });
});
