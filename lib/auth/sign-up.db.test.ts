import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, TEST_PASSWORD, uniqueEmail } from "@/prisma/factories";
import { signUp } from "./sign-up";
import { verifyCredentials, WRONG_CREDENTIALS } from "./sign-in";
import { issueSignInTicket, readSignInTicket } from "./ticket";

describe("sign-up", () => {
  it("creates the user, their workspace and an owner membership", async () => {
    const email = uniqueEmail("Ada");
    const { userId, workspaceSlug } = await signUp({
      name: "Ada Lovelace",
      email: `  ${email.toUpperCase()} `,
      password: TEST_PASSWORD,
    });
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { memberships: { include: { workspace: true } } },
    });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]!.role).toBe("OWNER");
    expect(user.memberships[0]!.workspace.slug).toBe(workspaceSlug);
    expect(user.memberships[0]!.workspace.name).toBe("Ada's workspace");
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const { actor } = await createUser();
    await expect(
      signUp({ name: "Again", email: actor.email.toUpperCase(), password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses passwords shorter than 8 characters with a field message", async () => {
    await expect(signUp({ name: "Short", email: uniqueEmail(), password: "1234567" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { password: ["Use at least 8 characters"] } },
    });
  });
});

describe("sign-in", () => {
  it("accepts the right password", async () => {
    const { actor } = await createUser();
    await expect(verifyCredentials({ email: actor.email, password: TEST_PASSWORD }, "10.0.0.1")).resolves.toMatchObject(
      { id: actor.id },
    );
  });

  it("says the same thing for an unknown email and a wrong password", async () => {
    const { actor } = await createUser();
    const wrong = verifyCredentials({ email: actor.email, password: "wrong password" }, "10.0.0.2");
    const unknown = verifyCredentials({ email: uniqueEmail(), password: "wrong password" }, "10.0.0.2");
    await expect(wrong).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: WRONG_CREDENTIALS });
    await expect(unknown).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: WRONG_CREDENTIALS });
  });

  it("locks an account after 5 failures, even with the right password, and says when to retry", async () => {
    const { actor } = await createUser();
    for (let i = 0; i < 5; i++) {
      await expect(
        verifyCredentials({ email: actor.email, password: `nope-${i}` }, `10.1.0.${i}`),
      ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const error = await verifyCredentials({ email: actor.email, password: TEST_PASSWORD }, "10.1.0.99").catch((e) => e);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.details.retryAfterSeconds).toBeGreaterThan(800);
    expect(error.message).toMatch(/Try again in 1[45] minutes/);
  });

  it("limits one IP across many accounts", async () => {
    const ip = `10.2.${Math.floor(Math.random() * 200)}.1`;
    for (let i = 0; i < 20; i++) {
      await expect(verifyCredentials({ email: uniqueEmail(), password: "guess" }, ip)).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(verifyCredentials({ email: uniqueEmail(), password: "guess" }, ip)).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("sign-in tickets are short-lived and cannot be forged", () => {
    const ticket = issueSignInTicket("user-1", 1_000);
    expect(readSignInTicket(ticket, 2_000)).toBe("user-1");
    expect(readSignInTicket(ticket, 62_000)).toBeNull();
    expect(readSignInTicket(ticket.replace("user-1", "user-2"), 2_000)).toBeNull();
    expect(readSignInTicket("a.b", 2_000)).toBeNull();
  });
});
