import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { db, PrismaClient } from "@/lib/db";
import { checkHealth } from "./health";

describe("health", () => {
  it("reports the database as ok when it answers", async () => {
    // As in a running server, the pool is up: the check's 2 s is for an answer, not for this process's first
    // connection (at load 20 that alone outlasted it, and the check said "unreachable").
    await db.$queryRaw`SELECT 1`;
    await expect(checkHealth()).resolves.toEqual({ status: "ok", db: "ok" });
  });

  it("reports it unreachable (the route answers 503) when nothing listens", async () => {
    const dead = new PrismaClient({
      adapter: new PrismaPg({
        connectionString: "postgresql://postgres@127.0.0.1:1/none",
        connectionTimeoutMillis: 500,
      }),
    });
    await expect(checkHealth(dead)).resolves.toEqual({ status: "degraded", db: "unreachable" });
  });
});
