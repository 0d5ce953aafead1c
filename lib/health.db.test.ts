import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db";
import { checkHealth } from "./health";

describe("health", () => {
  it("reports the database as ok when it answers", async () => {
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
