import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { ZPassword } from "./schemas";

describe("password hashing", () => {
  it("stores an argon2id hash, never the password, and verifies it", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batterY")).toBe(false);
  });

  it("salts: the same password hashes differently twice", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("a malformed stored hash is a failed check, not a crash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });

  it("accepts 8 to 128 characters", () => {
    expect(ZPassword.safeParse("1234567").success).toBe(false);
    expect(ZPassword.safeParse("12345678").success).toBe(true);
    expect(ZPassword.safeParse("x".repeat(128)).success).toBe(true);
    expect(ZPassword.safeParse("x".repeat(129)).error?.issues[0]?.message).toBe("Use at most 128 characters");
  });
});
