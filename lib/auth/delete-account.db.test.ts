import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requestReview } from "@/lib/reviews/request-review";
import { getSignOffRecord } from "@/lib/reviews/signoff-record";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { createApiToken } from "@/lib/tokens/tokens";
import { createMember, createUser, TEST_PASSWORD } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { actorFromClaims } from "./session-token";
import { verifyCredentials } from "./sign-in";
import { signUp } from "./sign-up";
import { deleteAccount } from "./delete-account";

const revisionOf = async (docId: string) =>
  (await db.document.findUniqueOrThrow({ where: { id: docId }, select: { revision: true } })).revision;

/** A team workspace where Rhea wrote a doc and approved Olivia's; Rhea also has her own (solo) workspace. */
async function team() {
  const owner = await createUser({ name: "Olivia Owner" });
  const rhea = await createMember(owner.workspace.id, "MEMBER", "Rhea Reviewer");
  const ownersDoc = await createTestDoc(owner.actor, owner.workspace.id, {
    title: "Owner's plan",
    sections: { "design-overview": "Plan." },
  });
  await requestReview(owner.actor, ownersDoc.id, { reviewerIds: [rhea.actor.id] });
  await submitVerdict(rhea.actor, ownersDoc.id, { kind: "APPROVE", revision: await revisionOf(ownersDoc.id) });
  const rheasDoc = await createTestDoc(rhea.actor, owner.workspace.id, { title: "Rhea's plan" });
  // A review still waiting for Rhea on another doc.
  const pending = await createTestDoc(owner.actor, owner.workspace.id, { title: "Waiting on Rhea" });
  await requestReview(owner.actor, pending.id, { reviewerIds: [rhea.actor.id] });
  return { owner, rhea, ownersDoc, rheasDoc, pending };
}

describe("deleting one's account", () => {
  it("keeps their docs and their name on past approvals, ends sessions, frees the email", async () => {
    const { owner, rhea, ownersDoc, rheasDoc, pending } = await team();
    const session = await db.authSession.create({
      data: { id: `sid-${rhea.actor.id}`, userId: rhea.actor.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: rhea.actor.id } });
    const claims = { id: rhea.actor.id, sessionVersion, sessionId: session.id };
    expect(await actorFromClaims(claims)).not.toBeNull();
    await createApiToken(rhea.actor, { name: "CI", scopes: ["read"] });

    await expect(deleteAccount(rhea.actor, { password: TEST_PASSWORD })).resolves.toEqual({ deletedWorkspaces: 1 });

    // Signed out everywhere, at once, and no way back in.
    expect(await actorFromClaims(claims)).toBeNull();
    await expect(
      verifyCredentials({ email: rhea.actor.email, password: TEST_PASSWORD }, "198.51.100.4"),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.apiToken.count({ where: { userId: rhea.actor.id } })).toBe(0);
    // Their doc stays with the team workspace; they are no member any more.
    expect(await db.document.findUnique({ where: { id: rheasDoc.id } })).toMatchObject({ authorId: rhea.actor.id });
    expect(await db.membership.count({ where: { userId: rhea.actor.id } })).toBe(0);
    // Their solo workspace went with the account.
    expect(await db.workspace.findUnique({ where: { id: rhea.workspace.id } })).toBeNull();
    // The sign-off record still names who approved.
    const record = await getSignOffRecord(owner.actor, ownersDoc.id);
    expect(record.approvals).toEqual([expect.objectContaining({ reviewer: "Rhea Reviewer" })]);
    // The review waiting for them is withdrawn, so the doc can still be signed off.
    const request = await db.reviewRequest.findFirstOrThrow({ where: { documentId: pending.id } });
    expect(request.cancelledAt).not.toBeNull();
    expect(await db.deletionRecord.findFirst({ where: { kind: "account", subjectId: rhea.actor.id } })).toMatchObject({
      name: "Rhea Reviewer",
    });
    // The address may sign up again as a new person.
    const again = await signUp({ name: "Rhea Again", email: rhea.actor.email, password: TEST_PASSWORD });
    expect(again.userId).not.toBe(rhea.actor.id);
  });

  it("asks the only owner of a shared workspace to hand it over first", async () => {
    const { owner } = await team();
    const error = await deleteAccount(owner.actor, { password: TEST_PASSWORD }).catch((e) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.message).toContain(`“${owner.workspace.name}”`);
    expect(error.message).toMatch(/Make someone else an owner/);
    expect(await db.user.findUniqueOrThrow({ where: { id: owner.actor.id } })).toMatchObject({ deletedAt: null });
    // With a second owner it goes through, and the workspace stays for the others.
    const second = await createMember(owner.workspace.id, "OWNER", "Sol Second");
    await deleteAccount(owner.actor, { password: TEST_PASSWORD });
    expect(await db.workspace.findUnique({ where: { id: owner.workspace.id } })).not.toBeNull();
    expect(await db.membership.count({ where: { workspaceId: owner.workspace.id, userId: second.actor.id } })).toBe(1);
  });

  it("needs the password", async () => {
    const { rhea } = await team();
    await expect(deleteAccount(rhea.actor, { password: "not it" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { password: expect.any(Array) } },
    });
    await expect(deleteAccount(rhea.actor, {})).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.user.findUniqueOrThrow({ where: { id: rhea.actor.id } })).toMatchObject({ deletedAt: null });
  });
});
