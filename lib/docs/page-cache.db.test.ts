import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMember, createUser } from "@/prisma/factories";
import { createTestThread } from "@/prisma/factories-comments";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import type { Actor } from "@/lib/auth/session";
import { revokeAuthSession, startAuthSession } from "@/lib/auth/auth-sessions";
import { markNotificationsRead } from "@/lib/notifications/queries";
import { requestReview } from "@/lib/reviews/request-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { requireDocAccess } from "./access";
import { renameDoc } from "./mutations";
import { docPageKey } from "./page-cache";
import { getDocForViewer } from "./queries";
import { saveSection } from "./save-section";

// The page cache serves a doc page again only while its key holds, so the key must
// change with everything the page shows, and differ for every reader.
const COOKIE = "authjs.session-token";
const SECRET = "page-cache-test-secret-0123456789abcdef";

beforeAll(() => {
  process.env.AUTH_SECRET ??= SECRET;
});

/** A session cookie as sign-in issues it: a live session row, named in the token. */
async function jarFor(actor: Actor, sessionVersion = 0, sid?: string) {
  const token = await encode({
    token: { sub: actor.id, sv: sessionVersion, sid: sid ?? (await startAuthSession(actor.id)) },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
  });
  return { get: (name: string) => (name === COOKIE ? { value: token } : undefined), getAll: () => [{ name: COOKIE }] };
}

async function setup() {
  const author = await createUser({ name: "Ada Author" });
  const reviewer = await createMember(author.workspace.id, "MEMBER", "Rita Reviewer");
  const doc = await createTestDoc(author.actor, author.workspace.id, {
    title: "Cache me",
    sections: { architecture: "Two services." },
  });
  return { author, reviewer, doc, slug: (await getDocForViewer(author.actor, { id: doc.id })).slug };
}

describe("the doc page cache key", () => {
  it("holds while nothing changes, and differs between readers of the same doc", async () => {
    const { author, reviewer, slug } = await setup();
    const first = await docPageKey(await jarFor(author.actor), slug);
    expect(first).toEqual(expect.any(String));
    expect(await docPageKey(await jarFor(author.actor), slug)).toBe(first);
    const other = await docPageKey(await jarFor(reviewer.actor), slug);
    expect(other).toEqual(expect.any(String));
    expect(other).not.toBe(first);
  });

  it("is null — render as usual — for no session, a revoked session, a stranger and an unknown doc", async () => {
    const { author, slug } = await setup();
    const stranger = await createUser({ name: "Stranger" });
    expect(await docPageKey({ get: () => undefined, getAll: () => [] }, slug)).toBeNull();
    expect(
      await docPageKey({ get: () => ({ value: "not-a-token" }), getAll: () => [{ name: COOKIE }] }, slug),
    ).toBeNull();
    expect(await docPageKey(await jarFor(author.actor, 7), slug)).toBeNull();
    const signedOut = await startAuthSession(author.actor.id);
    await revokeAuthSession(signedOut);
    expect(await docPageKey(await jarFor(author.actor, 0, signedOut), slug)).toBeNull();
    expect(await docPageKey(await jarFor(stranger.actor), slug)).toBeNull();
    expect(await docPageKey(await jarFor(author.actor), "no-such-doc-x2x2x")).toBeNull();
  });

  it("exists exactly for the readers the access choke point lets view the doc", async () => {
    const { author, doc, slug } = await setup();
    const readers = [
      author.actor,
      ...(await Promise.all(
        (["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const).map(
          async (role) => (await createMember(author.workspace.id, role)).actor,
        ),
      )),
    ];
    for (const role of ["OWNER", "EDITOR", "REVIEWER", "VIEWER"] as const) {
      const outsider = (await createUser({ name: `Doc ${role.toLowerCase()}` })).actor;
      await db.docMember.create({
        data: { documentId: doc.id, userId: outsider.id, role, addedById: author.actor.id },
      });
      readers.push(outsider);
    }
    readers.push((await createUser({ name: "No grant" })).actor);
    // Archived docs stay readable.
    await db.document.update({ where: { id: doc.id }, data: { archivedAt: new Date() } });
    const outcomes: boolean[] = [];
    for (const reader of readers) {
      const mayView = await requireDocAccess(reader, { slug }, "view").then(
        () => true,
        () => false,
      );
      expect(await docPageKey(await jarFor(reader), slug), reader.name).toEqual(mayView ? expect.any(String) : null);
      outcomes.push(mayView);
    }
    // Nine readers with some grant, one without.
    expect(outcomes.filter(Boolean)).toHaveLength(9);
  });

  it("changes with a section save, a comment mark, a review, a verdict and a rename", async () => {
    const { author, reviewer, doc, slug } = await setup();
    const jar = await jarFor(author.actor);
    const seen = new Set<string>();
    const expectNewKey = async (what: string) => {
      const key = await docPageKey(jar, slug);
      expect(key, what).toEqual(expect.any(String));
      expect(seen.has(key!), `${what} left the key as it was`).toBe(false);
      seen.add(key!);
    };
    await expectNewKey("start");
    const { version } = (await getDocForViewer(author.actor, { id: doc.id })).sections.find(
      (s) => s.key === "architecture",
    )!;
    await saveSection(author.actor, doc.id, "architecture", {
      baseVersion: version,
      content: paragraph("Three services."),
    });
    await expectNewKey("section save");
    // A comment mark changes the section's HTML but not its version.
    await createTestThread(reviewer.actor, doc.id, { sectionKey: "architecture", quote: "Three", text: "Why three?" });
    await expectNewKey("comment mark");
    await requestReview(author.actor, doc.id, { reviewerIds: [reviewer.actor.id] });
    await expectNewKey("review request");
    const { revision } = await getDocForViewer(author.actor, { id: doc.id });
    await submitVerdict(reviewer.actor, doc.id, { kind: "APPROVE", revision });
    await expectNewKey("approval");
    await renameDoc(author.actor, doc.id, { title: "Cached, renamed" });
    await expectNewKey("rename");
  });

  it("changes with what the header shows: unread count, a workspace's name, the reader's name and role", async () => {
    const { author, reviewer, doc, slug } = await setup();
    const jar = await jarFor(reviewer.actor);
    const before = await docPageKey(jar, slug);
    // Asking for a review notifies the reviewer: their unread count goes up…
    await requestReview(author.actor, doc.id, { reviewerIds: [reviewer.actor.id] });
    const notified = await docPageKey(jar, slug);
    expect(notified).not.toBe(before);
    // …and down again when they read it.
    await markNotificationsRead(reviewer.actor);
    const read = await docPageKey(jar, slug);
    expect(read).not.toBe(notified);
    await db.workspace.update({ where: { id: author.workspace.id }, data: { name: "Renamed workspace" } });
    const renamedWorkspace = await docPageKey(jar, slug);
    expect(renamedWorkspace).not.toBe(read);
    await db.user.update({ where: { id: reviewer.actor.id }, data: { name: "Rita R." } });
    const renamedUser = await docPageKey(jar, slug);
    expect(renamedUser).not.toBe(renamedWorkspace);
    await db.membership.updateMany({
      where: { workspaceId: author.workspace.id, userId: reviewer.actor.id },
      data: { role: "VIEWER" },
    });
    const viewer = await docPageKey(jar, slug);
    expect(viewer).not.toBe(renamedUser);
    await db.membership.deleteMany({ where: { workspaceId: author.workspace.id, userId: reviewer.actor.id } });
    expect(await docPageKey(jar, slug)).toBeNull();
  });
});
