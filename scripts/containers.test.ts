/**
 * What can be checked of the container files without Docker (README → Production → Containers): the Dockerfile is
 * multi-stage on a slim node image, runs as a non-root user with a health check, and starts the launcher; compose.yaml
 * parses and wires the app, the collaboration server, PostgreSQL 17 and Redis as the README says. The Dockerfile's
 * steps themselves are run by scripts/docker-steps.mjs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "..");
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .filter((l) => l.trim() && !l.trim().startsWith("#"));

type Service = {
  image?: string;
  build?: string;
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
};

describe("containers", () => {
  it("the Dockerfile is multi-stage on node slim, non-root, with a health check on /api/health", () => {
    const froms = instructions.filter((l) => l.startsWith("FROM "));
    expect(froms.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:\d+-[a-z]+-slim$/m);
    const runtime = instructions.slice(instructions.indexOf(froms.at(-1)!));
    expect(runtime).toContain("USER node");
    expect(runtime.find((l) => l.startsWith("HEALTHCHECK"))).toContain("/api/health");
    expect(JSON.parse(runtime.find((l) => l.startsWith("CMD"))!.slice(4))).toEqual([
      "node",
      "--import",
      "tsx",
      "scripts/start.ts",
    ]);
    // Secrets and local state never reach the build context.
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8").split("\n");
    for (const entry of [".env", ".data", "node_modules", ".git"]) expect(ignored).toContain(entry);
  });

  it("compose.yaml runs the app, the collaboration server, PostgreSQL 17 and Redis", () => {
    const compose = parse(readFileSync(path.join(root, "compose.yaml"), "utf8")) as {
      services: Record<string, Service>;
    };
    const { app, collab, postgres, redis } = compose.services;
    expect(app?.command).toContain("--only=web");
    expect(collab?.command).toEqual(expect.arrayContaining(["--only=collab", "--no-migrate"]));
    expect(collab?.depends_on?.app).toEqual({ condition: "service_healthy" });
    expect(app?.depends_on?.postgres).toEqual({ condition: "service_healthy" });
    expect(postgres?.image).toMatch(/^postgres:17/);
    expect(redis?.image).toMatch(/^redis:/);
    expect(app?.environment?.DATABASE_URL).toContain("@postgres:5432/");
    expect(app?.environment?.REDIS_URL).toBe("redis://redis:6379");
    for (const s of [postgres, redis, collab]) expect(s?.healthcheck?.test.length).toBeGreaterThan(0);
  });
});
