import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMember, createUser, uniqueEmail } from "@/prisma/factories";
import { requireWorkspace } from "./access";
import { acceptInvitation, findInvitationByToken, inviteMember } from "./invitations";
import { changeMemberRole, removeMember, renameWorkspace } from "./members";
import { listMembers } from "./queries";

const BASE = "http://localhost:3000";
const tokenOf = (link: string) => link.split("/invite/")[1]!;

describe("invitations", () => {
  it("an invitee accepts once and becomes a member with the invited role", async () => {
    const owner = await createUser();
    const invitee = await createUser({ email: uniqueEmail("invitee") });
    const invite = await inviteMember(
      owner.actor,
      owner.workspace.id,
      { email: invitee.actor.email, role: "VIEWER" },
      BASE,
    );
    expect(invite.emailed).toBe(false); // no SMTP here: the inviter gets the link
    expect(invite.link).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);

    await expect(acceptInvitation(invitee.actor, tokenOf(invite.link))).resolves.toEqual({
      workspaceSlug: owner.workspace.slug,
    });
    await expect(requireWorkspace(invitee.actor, { id: owner.workspace.id })).resolves.toMatchObject({
      role: "VIEWER",
    });

    await expect(acceptInvitation(invitee.actor, tokenOf(invite.link))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This invitation has already been used.",
    });
    expect((await findInvitationByToken(tokenOf(invite.link)))?.state).toBe("used");
  });

  it("an expired invitation cannot be accepted", async () => {
    const owner = await createUser();
    const invitee = await createUser();
    const invite = await inviteMember(owner.actor, owner.workspace.id, { email: invitee.actor.email }, BASE);
    await db.invitation.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation(invitee.actor, tokenOf(invite.link))).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: /expired/,
    });
    await expect(requireWorkspace(invitee.actor, { id: owner.workspace.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("expires 7 days after it is sent", async () => {
    const owner = await createUser();
    const invite = await inviteMember(owner.actor, owner.workspace.id, { email: uniqueEmail() }, BASE);
    const days = (new Date(invite.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("only the addressee can accept, and unknown tokens are not found", async () => {
    const owner = await createUser();
    const someoneElse = await createUser();
    const invite = await inviteMember(owner.actor, owner.workspace.id, { email: uniqueEmail() }, BASE);
    await expect(acceptInvitation(someoneElse.actor, tokenOf(invite.link))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(acceptInvitation(someoneElse.actor, "A".repeat(43))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("members cannot invite; admins cannot invite owners", async () => {
    const owner = await createUser();
    const member = await createMember(owner.workspace.id, "MEMBER");
    const admin = await createMember(owner.workspace.id, "ADMIN");
    await expect(inviteMember(member.actor, owner.workspace.id, { email: uniqueEmail() }, BASE)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      inviteMember(admin.actor, owner.workspace.id, { email: uniqueEmail(), role: "OWNER" }, BASE),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("members", () => {
  it("the last owner can be neither removed nor demoted", async () => {
    const owner = await createUser();
    const [own] = await db.membership.findMany({ where: { workspaceId: owner.workspace.id } });
    await expect(removeMember(owner.actor, owner.workspace.id, { membershipId: own!.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: /last owner/,
    });
    await expect(
      changeMemberRole(owner.actor, owner.workspace.id, { membershipId: own!.id, role: "MEMBER" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("with two owners, concurrent demotions leave at least one owner", async () => {
    const owner = await createUser();
    const second = await createMember(owner.workspace.id, "OWNER");
    const first = await db.membership.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id, userId: owner.actor.id },
    });
    const results = await Promise.allSettled([
      changeMemberRole(owner.actor, owner.workspace.id, { membershipId: second.membership.id, role: "MEMBER" }),
      changeMemberRole(second.actor, owner.workspace.id, { membershipId: first.id, role: "MEMBER" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    expect(await db.membership.count({ where: { workspaceId: owner.workspace.id, role: "OWNER" } })).toBe(1);
  });

  it("a removed member loses access on their next request", async () => {
    const owner = await createUser();
    const member = await createMember(owner.workspace.id, "MEMBER");
    await removeMember(owner.actor, owner.workspace.id, { membershipId: member.membership.id });
    await expect(listMembers(member.actor, owner.workspace.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("admins cannot remove owners; viewers cannot rename", async () => {
    const owner = await createUser();
    const admin = await createMember(owner.workspace.id, "ADMIN");
    const viewer = await createMember(owner.workspace.id, "VIEWER");
    const own = await db.membership.findFirstOrThrow({
      where: { workspaceId: owner.workspace.id, userId: owner.actor.id },
    });
    await expect(removeMember(admin.actor, owner.workspace.id, { membershipId: own.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(renameWorkspace(viewer.actor, owner.workspace.id, { name: "Mine now" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await removeMember(admin.actor, owner.workspace.id, { membershipId: viewer.membership.id });
    expect(await db.membership.count({ where: { workspaceId: owner.workspace.id } })).toBe(2);
  });

  it("a stranger cannot read another workspace: it does not exist for them", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    await expect(listMembers(stranger.actor, owner.workspace.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireWorkspace(stranger.actor, { slug: owner.workspace.slug })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
