import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://app:secret@db.internal:5432/design_review", AUTH_SECRET: "x".repeat(32) };

function problemsOf(raw: Record<string, string | undefined>): string[] {
  try {
    parseEnv(raw);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("accepts a minimal production configuration and fills defaults", () => {
    const env = parseEnv({ ...valid, NODE_ENV: "production" });
    expect(env.DATABASE_URL).toBe(valid.DATABASE_URL);
    expect(env.SMTP_FROM).toContain("@");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("names a missing DATABASE_URL", () => {
    expect(problemsOf({ AUTH_SECRET: valid.AUTH_SECRET })).toEqual(["DATABASE_URL is required but not set"]);
  });

  it("names a malformed DATABASE_URL and a short AUTH_SECRET together", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(problems[1]).toMatch(/^AUTH_SECRET must be at least 32 characters/);
  });

  it("turns the doc page cache on by default and names bad page-cache settings", () => {
    expect(parseEnv(valid)).toMatchObject({ PAGE_CACHE: "on", PAGE_CACHE_MB: 64 });
    expect(parseEnv({ ...valid, PAGE_CACHE: "off", PAGE_CACHE_ORIGIN: "http://10.0.0.5:3000" })).toMatchObject({
      PAGE_CACHE: "off",
      PAGE_CACHE_ORIGIN: "http://10.0.0.5:3000",
    });
    const problems = problemsOf({ ...valid, PAGE_CACHE: "yes", PAGE_CACHE_MB: "lots", PAGE_CACHE_ORIGIN: "10.0.0.5" });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PAGE_CACHE must be "on" or "off"/);
    expect(problems[1]).toMatch(/^PAGE_CACHE_MB /);
    expect(problems[2]).toMatch(/^PAGE_CACHE_ORIGIN must be an http\(s\) URL/);
  });

  it("treats empty strings as unset", () => {
    expect(problemsOf({ ...valid, AUTH_SECRET: "" })).toEqual(["AUTH_SECRET is required but not set"]);
  });

  it("rejects a non-SMTP SMTP_URL and a non-http APP_URL", () => {
    const problems = problemsOf({ ...valid, SMTP_URL: "http://mail", APP_URL: "ftp://example.com" });
    expect(problems.some((p) => p.startsWith("SMTP_URL"))).toBe(true);
    expect(problems.some((p) => p.startsWith("APP_URL"))).toBe(true);
  });

  it("the error message lists every problem on its own line", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is required[\s\S]*AUTH_SECRET is required/);
  });
});
