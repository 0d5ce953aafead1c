import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { getDocForViewer } from "@/lib/docs/queries";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { acceptInvitationLink } from "@/lib/auth/invitation-lookup";
import { shareDocWith } from "@/prisma/factories-sharing";
import { addDocMember, listDocMembers, listDocsSharedWithMe, removeDocMember } from "./doc-members";
import { resolveShareToken, SHARE_LINK_NOT_FOUND, signUnlockCookie, WRONG_SHARE_PASSWORD } from "./resolve-token";
import { createShareLink, listShareLinks, revokeShareLink } from "./share-links";
import { getSharedDoc } from "./shared-doc";
import { sha256Hex } from "@/lib/crypto";

const BASE = "https://review.example.test";

async function docWithOwner() {
  const owner = await createUser({ name: "Olivia Owner" });
  const doc = await createTestDoc(owner.actor, owner.workspace.id, {
    sections: { "design-overview": "Shared overview text" },
  });
  return { owner, doc };
}

describe("share links", () => {
  it("returns a 256-bit token once and stores only its SHA-256", async () => {
    const { owner, doc } = await docWithOwner();
    const created = await createShareLink(owner.actor, doc.id, { role: "view" }, BASE);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.token, "base64url")).toHaveLength(32);
    expect(created.url).toBe(`${BASE}/s/${created.token}`);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: created.link.id } });
    expect(row.tokenHash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const listed = await listShareLinks(owner.actor, doc.id);
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
    expect(listed[0]).toMatchObject({
      role: "view",
      createdBy: "Olivia Owner",
      useCount: 0,
      lastUsedAt: null,
      state: "active",
      hasPassword: false,
    });
  });

  it("expires in 30 days by default, or after the chosen days, or never", async () => {
    const { owner, doc } = await docWithOwner();
    const day = 86_400_000;
    const byDefault = await createShareLink(owner.actor, doc.id, {}, BASE);
    expect(Date.parse(byDefault.link.expiresAt!) - Date.now()).toBeGreaterThan(29.9 * day);
    expect(Date.parse(byDefault.link.expiresAt!) - Date.now()).toBeLessThan(30.1 * day);
    const week = await createShareLink(owner.actor, doc.id, { expiresInDays: 7 }, BASE);
    expect(Date.parse(week.link.expiresAt!) - Date.now()).toBeLessThan(7.1 * day);
    const never = await createShareLink(owner.actor, doc.id, { expiresInDays: "never" }, BASE);
    expect(never.link.expiresAt).toBeNull();
    await expect(
      createShareLink(owner.actor, doc.id, { expiresAt: "2001-01-01T00:00:00Z" }, BASE),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createShareLink(owner.actor, doc.id, { role: "edit" }, BASE)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("owners and editors create links; reviewers and viewers are refused; strangers see nothing", async () => {
    const { owner, doc } = await docWithOwner();
    const editor = await createMember(owner.workspace.id, "MEMBER");
    const viewer = await createMember(owner.workspace.id, "VIEWER");
    const stranger = await createUser();
    expect((await createShareLink(editor.actor, doc.id, {}, BASE)).token).toBeTruthy();
    await expect(createShareLink(viewer.actor, doc.id, {}, BASE)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createShareLink(stranger.actor, doc.id, {}, BASE)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listShareLinks(viewer.actor, doc.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("opens the doc read-only, counts uses, and shows nothing of the workspace", async () => {
    const { owner, doc } = await docWithOwner();
    const { token, link } = await createShareLink(owner.actor, doc.id, { role: "view" }, BASE);
    const access = await resolveShareToken(token);
    expect(access.status).toBe("open");
    if (access.status !== "open") return;
    const shared = await getSharedDoc(access.caller, access.documentId);
    expect(shared.title).toBe("Payments service v2");
    expect(shared.sections.find((s) => s.key === "design-overview")?.html).toContain("Shared overview text");
    expect(shared.access).toMatchObject({ role: "reader", canEdit: false, canComment: false, canShare: false });
    const json = JSON.stringify(shared);
    expect(json).not.toContain(owner.workspace.name);
    expect(json).not.toContain(owner.workspace.slug);
    expect(json).not.toContain(owner.actor.email);
    await resolveShareToken(token);
    const [listed] = await listShareLinks(owner.actor, doc.id);
    expect(listed).toMatchObject({ id: link.id, useCount: 2 });
    expect(listed!.lastUsedAt).not.toBeNull();
    await expect(requireDocAccess(access.caller, { id: doc.id }, "edit")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireDocAccess(access.caller, { id: doc.id }, "comment")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a comment link may comment but not review or edit", async () => {
    const { owner, doc } = await docWithOwner();
    const { token } = await createShareLink(owner.actor, doc.id, { role: "comment" }, BASE);
    const access = await resolveShareToken(token);
    if (access.status !== "open") throw new Error("expected open");
    expect((await requireDocAccess(access.caller, { id: doc.id }, "comment")).role).toBe("commenter");
    await expect(requireDocAccess(access.caller, { id: doc.id }, "review")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a link opens only its own doc", async () => {
    const { owner, doc } = await docWithOwner();
    const other = await createTestDoc(owner.actor, owner.workspace.id, { title: "Other doc" });
    const { token } = await createShareLink(owner.actor, doc.id, {}, BASE);
    const access = await resolveShareToken(token);
    if (access.status !== "open") throw new Error("expected open");
    await expect(requireDocAccess(access.caller, { id: other.id }, "view")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("unknown, malformed, revoked and expired tokens all give the same NOT_FOUND", async () => {
    const { owner, doc } = await docWithOwner();
    const revoked = await createShareLink(owner.actor, doc.id, {}, BASE);
    const expired = await createShareLink(owner.actor, doc.id, {}, BASE);
    const opened = await resolveShareToken(revoked.token);
    await revokeShareLink(owner.actor, doc.id, revoked.link.id);
    await db.shareLink.update({ where: { id: expired.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const unknown = "A".repeat(43);
    const errors = await Promise.all(
      [unknown, "short", "../../etc/passwd", revoked.token, expired.token].map((t) =>
        resolveShareToken(t).catch((e) => e),
      ),
    );
    for (const e of errors)
      expect({ code: e.code, message: e.message }).toEqual({ code: "NOT_FOUND", message: SHARE_LINK_NOT_FOUND });
    // Revocation works at once, even for a caller resolved before it.
    if (opened.status !== "open") throw new Error("expected open");
    await expect(getSharedDoc(opened.caller, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const states = Object.fromEntries((await listShareLinks(owner.actor, doc.id)).map((l) => [l.id, l.state]));
    expect(states).toEqual({ [revoked.link.id]: "revoked", [expired.link.id]: "expired" });
  });

  it("revoking is audited, idempotent, and scoped to the doc", async () => {
    const { owner, doc } = await docWithOwner();
    const other = await createTestDoc(owner.actor, owner.workspace.id, { title: "Other" });
    const { link } = await createShareLink(owner.actor, doc.id, {}, BASE);
    await expect(revokeShareLink(owner.actor, other.id, link.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await revokeShareLink(owner.actor, doc.id, link.id)).state).toBe("revoked");
    expect((await revokeShareLink(owner.actor, doc.id, link.id)).state).toBe("revoked");
    const events = await db.auditEvent.findMany({
      where: { documentId: doc.id, type: { startsWith: "share_link." } },
      // Two events can share a millisecond: Prisma's cuid ids grow within a process and break the tie.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(events.map((e) => e.type)).toEqual(["share_link.created", "share_link.revoked"]);
  });
});

describe("password-protected links", () => {
  it("asks for the password, refuses a wrong one, opens with the right one and remembers it by cookie", async () => {
    const { owner, doc } = await docWithOwner();
    const { token, link } = await createShareLink(owner.actor, doc.id, { password: "open sesame" }, BASE);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await resolveShareToken(token)).toEqual({ status: "password", error: null });
    expect(await resolveShareToken(token, { password: "wrong", ip: "10.0.0.1" })).toEqual({
      status: "password",
      error: WRONG_SHARE_PASSWORD,
    });
    const opened = await resolveShareToken(token, { password: "open sesame", ip: "10.0.0.1", recordUse: false });
    expect(opened.status).toBe("open");
    if (opened.status !== "open") return;
    expect(opened.unlock).toMatchObject({ path: `/s/${token}`, httpOnly: true, sameSite: "lax" });
    expect((await resolveShareToken(token, { unlockCookie: opened.unlock!.value })).status).toBe("open");
    // A cookie for another link, or a tampered one, does not open it.
    const other = await createShareLink(owner.actor, doc.id, { password: "open sesame" }, BASE);
    const otherRow = await db.shareLink.findUniqueOrThrow({ where: { id: other.link.id } });
    const foreign = signUnlockCookie(other.token, {
      id: otherRow.id,
      passwordHash: otherRow.passwordHash!,
      expiresAt: otherRow.expiresAt,
    });
    expect((await resolveShareToken(token, { unlockCookie: foreign.value })).status).toBe("password");
    expect((await resolveShareToken(token, { unlockCookie: opened.unlock!.value.replace(/.$/, "x") })).status).toBe(
      "password",
    );
    expect((await listShareLinks(owner.actor, doc.id)).find((l) => l.id === link.id)).toMatchObject({
      hasPassword: true,
      useCount: 1,
    });
  });

  it("limits wrong passwords per link and IP, then refuses even the right one", async () => {
    const { owner, doc } = await docWithOwner();
    const { token } = await createShareLink(owner.actor, doc.id, { password: "open sesame" }, BASE);
    for (let i = 0; i < 5; i++)
      expect((await resolveShareToken(token, { password: `guess ${i}`, ip: "10.0.0.2" })).status).toBe("password");
    await expect(resolveShareToken(token, { password: "open sesame", ip: "10.0.0.2" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // Another address is not blocked by this one's failures.
    expect((await resolveShareToken(token, { password: "open sesame", ip: "10.0.0.3" })).status).toBe("open");
  });

  it("rejects passwords too short to protect anything", async () => {
    const { owner, doc } = await docWithOwner();
    await expect(createShareLink(owner.actor, doc.id, { password: "abc" }, BASE)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { fieldErrors: { password: [expect.stringMatching(/at least 6/)] } },
    });
  });
});

describe("people with access", () => {
  it("someone outside the workspace invited to a doc gets that doc only, in the role given, on accepting", async () => {
    const { owner, doc } = await docWithOwner();
    const other = await createTestDoc(owner.actor, owner.workspace.id, { title: "Not shared" });
    const guest = await createUser({ name: "Gina Guest" });
    await expect(getDocForViewer(guest.actor, { id: doc.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const added = await addDocMember(
      owner.actor,
      doc.id,
      { email: guest.actor.email.toUpperCase(), role: "REVIEWER" },
      BASE,
    );
    expect(added).toMatchObject({ kind: "invited", email: guest.actor.email, role: "REVIEWER" });
    await expect(getDocForViewer(guest.actor, { id: doc.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await acceptInvitationLink(guest.actor, (added as { link: string }).link.split("/invite/")[1]!);
    expect(await listDocMembers(owner.actor, doc.id)).toMatchObject([
      { name: "Gina Guest", role: "REVIEWER", addedBy: "Olivia Owner" },
    ]);
    expect((await getDocForViewer(guest.actor, { id: doc.id })).access).toMatchObject({
      role: "reviewer",
      canReview: true,
      canEdit: false,
    });
    await expect(getDocForViewer(guest.actor, { id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listDocsSharedWithMe(guest.actor)).map((d) => d.title)).toEqual(["Payments service v2"]);
    await removeDocMember(owner.actor, doc.id, guest.actor.id);
    await expect(getDocForViewer(guest.actor, { id: doc.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listDocsSharedWithMe(guest.actor)).toEqual([]);
  });

  it("the doc role is the stronger of workspace role and doc membership", async () => {
    const { owner, doc } = await docWithOwner();
    const viewer = await createMember(owner.workspace.id, "VIEWER", "Vic Viewer");
    expect((await requireDocAccess(viewer.actor, { id: doc.id }, "view")).role).toBe("viewer");
    // A workspace member gets the role at once: the sharer sees them anyway.
    expect(await addDocMember(owner.actor, doc.id, { email: viewer.actor.email, role: "EDITOR" }, BASE)).toMatchObject({
      kind: "member",
      member: { name: "Vic Viewer", role: "EDITOR" },
    });
    expect((await requireDocAccess(viewer.actor, { id: doc.id }, "edit")).role).toBe("editor");
    const member = await createMember(owner.workspace.id, "MEMBER");
    await expect(
      addDocMember(owner.actor, doc.id, { email: member.actor.email, role: "VIEWER" }, BASE),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an invalid address is a field error", async () => {
    const { owner, doc } = await docWithOwner();
    await expect(addDocMember(owner.actor, doc.id, { email: "not an email" }, BASE)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("editors share up to editor; only owners add or remove owners; viewers cannot share", async () => {
    const { owner, doc } = await docWithOwner();
    const editor = await createMember(owner.workspace.id, "MEMBER");
    const viewer = await createMember(owner.workspace.id, "VIEWER");
    const a = await createUser();
    const b = await createUser();
    await expect(
      addDocMember(editor.actor, doc.id, { email: a.actor.email, role: "OWNER" }, BASE),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await shareDocWith(editor.actor, doc.id, a.actor, "EDITOR");
    await shareDocWith(owner.actor, doc.id, b.actor, "OWNER");
    await expect(removeDocMember(editor.actor, doc.id, b.actor.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      addDocMember(viewer.actor, doc.id, { email: a.actor.email, role: "VIEWER" }, BASE),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listDocMembers(viewer.actor, doc.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const members = await listDocMembers(editor.actor, doc.id);
    expect(members.map((m) => [m.role, m.removable])).toEqual([
      ["EDITOR", true],
      ["OWNER", false],
    ]);
    const types = (
      await db.auditEvent.findMany({
        where: { documentId: doc.id, type: { startsWith: "doc_member." } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    ).map((e) => e.type);
    expect(types).toEqual(["doc_member.invited", "doc_member.joined", "doc_member.invited", "doc_member.joined"]);
  });
});
