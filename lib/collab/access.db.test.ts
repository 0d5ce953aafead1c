import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createShareLink } from "@/lib/sharing/share-links";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { liveAccess, liveAccessMany, type LiveAccessQuestion } from "./access";

describe("live access, asked for many open connections at once (the recheck)", () => {
  it("answers each caller on each doc as asking one by one does, in the order asked", async () => {
    const { actor, workspace } = await createUser({ name: "Owner" });
    const viewer = await createMember(workspace.id, "VIEWER", "Vi");
    const member = await createMember(workspace.id, "MEMBER", "Me");
    const stranger = await createUser({ name: "Stranger" });
    const open = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Open" } });
    const archived = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Old" } });
    await db.document.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const locked = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Held" } });
    await db.document.update({ where: { id: locked.id }, data: { lockedAt: new Date() } });
    const { link } = await createShareLink(actor, open.id, { role: "view" }, "http://localhost");
    const user = (id: string) => ({ kind: "user" as const, id });

    const questions: LiveAccessQuestion[] = [
      { subject: user(actor.id), docId: open.id },
      { subject: user(viewer.actor.id), docId: open.id },
      { subject: user(stranger.actor.id), docId: open.id },
      { subject: { kind: "link", id: link.id }, docId: open.id },
      { subject: { kind: "link", id: link.id }, docId: archived.id },
      { subject: user(member.actor.id), docId: archived.id },
      { subject: user(member.actor.id), docId: locked.id },
      { subject: user(actor.id), docId: "no-such-doc" },
      { subject: user("no-such-user"), docId: open.id },
    ];
    const answers = await liveAccessMany(questions);
    expect(answers).toEqual([
      { access: "edit", reason: "ok" },
      { access: "read", reason: "read-only-role" },
      { access: "none", reason: "no-access" },
      { access: "read", reason: "read-only-role" },
      // A link opens its own doc only.
      { access: "none", reason: "no-access" },
      { access: "read", reason: "archived" },
      { access: "read", reason: "locked" },
      { access: "none", reason: "deleted" },
      { access: "none", reason: "no-access" },
    ]);
    const oneByOne = await Promise.all(questions.map((q) => liveAccess(q.subject, q.docId)));
    expect(oneByOne).toEqual(answers);
  });

  it("answers more callers than one statement takes", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Many" } });
    const stranger = await createUser();
    const questions: LiveAccessQuestion[] = Array.from({ length: 600 }, (_, i) => ({
      subject: { kind: "user", id: i % 2 ? actor.id : stranger.actor.id },
      docId: doc.id,
    }));
    const answers = await liveAccessMany(questions);
    expect(answers).toHaveLength(600);
    expect(answers.filter((a) => a.access === "edit")).toHaveLength(300);
    expect(answers.every((a, i) => a.access === (i % 2 ? "edit" : "none"))).toBe(true);
  });
});
