import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { saveSection } from "@/lib/docs/save-section";
import { extractText } from "@/lib/editor/text";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { ARCHIVED } from "@/lib/docs/content/can-edit";
import { deleteDocForGood } from "@/lib/docs/delete-doc";
import { createShareLink, revokeShareLink } from "@/lib/sharing/share-links";
import { removeMember } from "@/lib/workspaces/members";
import { CLOSED_MESSAGES } from "./messages";
import { createCollabServer } from "./server";
import { collabDocName, issueCollabToken } from "./token";
import { fragmentContent } from "./ydoc";
import type { JSONContent } from "@tiptap/core";

const SECRET = process.env.AUTH_SECRET!;
const server = createCollabServer({ port: 0, secret: SECRET, debounceMs: 150, maxDebounceMs: 600, recheckMs: 300 });
let url = "";
const open: HocuspocusProvider[] = [];

beforeAll(async () => {
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});
afterAll(async () => {
  open.forEach((p) => p.destroy());
  await server.destroy();
});

function tokenFor(actor: Actor, docId: string): string {
  return issueCollabToken({ docId, subject: { kind: "user", id: actor.id }, name: actor.name }, SECRET);
}

type Client = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  scope: () => string | undefined;
  failed: () => string | null;
};

async function connect(docId: string, token: string, at = url): Promise<Client> {
  const doc = new Y.Doc();
  let failed: string | null = null;
  const socket = new HocuspocusProviderWebsocket({ url: at, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: collabDocName(docId),
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => {
      failed = reason;
    },
  });
  provider.attach();
  open.push(provider);
  await until(() => provider.isSynced || failed !== null);
  return { provider, doc, scope: () => provider.authorizedScope, failed: () => failed };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * `run` against a server of its own (its URL given), with `options` (say, a debounce of a minute: nothing is stored
 * before it stops, which stores every open doc), stopped afterwards.
 */
async function withServer(
  options: Partial<Parameters<typeof createCollabServer>[0]>,
  run: (at: string) => Promise<void>,
): Promise<void> {
  const own = createCollabServer({ port: 0, secret: SECRET, ...options });
  await own.listen();
  try {
    await run(`ws://127.0.0.1:${own.address.port}`);
  } finally {
    await own.destroy();
  }
}
const STORES_ON_STOP = { debounceMs: 60_000, maxDebounceMs: 60_000 };

const text = (doc: Y.Doc, key: string) => extractText(fragmentContent(doc, key) as JSONContent);

function typeInto(doc: Y.Doc, key: string, words: string): void {
  const fragment = doc.getXmlFragment(key);
  doc.transact(() => {
    const paragraphEl = fragment.get(0) as Y.XmlElement;
    const textNode = paragraphEl.get(0) as Y.XmlText | undefined;
    if (textNode) textNode.insert(textNode.length, words);
    else paragraphEl.insert(0, [new Y.XmlText(words)]);
  });
}

async function section(docId: string, key: string) {
  return db.section.findUniqueOrThrow({ where: { documentId_key: { documentId: docId, key } } });
}

describe("live doc server", () => {
  it("opens with the stored sections, relays typing between editors, and stores it as a section version", async () => {
    const { actor, workspace } = await createUser({ name: "Ada" });
    const other = await createMember(workspace.id, "MEMBER", "Grace");
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Orders" } });
    const a = await connect(doc.id, tokenFor(actor, doc.id));
    const b = await connect(doc.id, tokenFor(other.actor, doc.id));
    expect(a.scope()).toBe("read-write");
    // Seeded from the database: never an empty doc over stored content.
    expect(text(a.doc, "data-model")).toBe("Orders");

    const events: string[] = [];
    b.provider.on("stateless", ({ payload }: { payload: string }) => events.push(payload));
    typeInto(a.doc, "data-model", " have lines");
    await until(() => text(b.doc, "data-model") === "Orders have lines");
    typeInto(b.doc, "data-model", "!");
    await until(async () => (await section(doc.id, "data-model")).text === "Orders have lines!");
    const stored = await section(doc.id, "data-model");
    expect(stored.version).toBeGreaterThan(2);
    expect(await db.collabState.findUnique({ where: { documentId: doc.id } })).not.toBeNull();
    // Every page hears that the section was stored, with its stamp (for "Saved" and "Last Updated").
    await until(() => events.some((e) => e.includes('"type":"stored"') && e.includes('"key":"data-model"')));
    // The first test pays the file's warm-up (the editor schema, the first doc load and store): 6 s on a quiet
    // machine, over 20 s at load 25.
  }, 60_000);

  it("asks pages to fetch their data again after a store only when a section became written or empty", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Orders" } });
    const a = await connect(doc.id, tokenFor(actor, doc.id));
    const events: { type: string; refresh?: boolean; sections?: { key: string }[] }[] = [];
    a.provider.on("stateless", ({ payload }: { payload: string }) => events.push(JSON.parse(payload)));
    const storedOf = (key: string) => events.find((e) => e.type === "stored" && e.sections?.some((s) => s.key === key));
    // More words in a written section: the event says it all (stamps, "Saved"), the outline's count is the same.
    typeInto(a.doc, "data-model", " have lines");
    await until(() => !!storedOf("data-model"));
    expect(storedOf("data-model")?.refresh).toBe(false);
    // The first words of an empty section: the outline's written/empty count changes.
    typeInto(a.doc, "api-design", "POST /orders");
    await until(() => !!storedOf("api-design"));
    expect(storedOf("api-design")?.refresh).toBe(true);
  });

  it("takes in a write made outside the live doc (the API's PUT) at once", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Before" } });
    const a = await connect(doc.id, tokenFor(actor, doc.id));
    const current = await section(doc.id, "data-model");
    await saveSection(actor, doc.id, "data-model", {
      baseVersion: current.version,
      content: paragraph("From the API"),
    });
    await until(() => text(a.doc, "data-model") === "From the API");
  });

  it("merges an outside write with typing the live doc has not stored yet: both kept, nothing laid over", async () => {
    // The typing below is not stored when the outside write lands.
    await withServer(STORES_ON_STOP, async (at) => {
      const { actor, workspace } = await createUser();
      const { actor: other } = await createMember(workspace.id, "MEMBER", "Grace");
      const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "A-first." } });
      const a = await connect(doc.id, tokenFor(actor, doc.id), at);
      typeInto(a.doc, "data-model", " A-during.");
      const stored = await section(doc.id, "data-model");
      expect(stored.text).toBe("A-first.");
      // A page without the live channel (its saving editor) saves on top of the stored version: accepted.
      await saveSection(other, doc.id, "data-model", {
        baseVersion: stored.version,
        content: paragraph("A-first. B-fallback."),
      });
      await until(() => text(a.doc, "data-model") === "A-first. A-during. B-fallback.");
      a.provider.destroy();
    });
    const doc = await db.section.findFirstOrThrow({ where: { text: "A-first. A-during. B-fallback." } });
    expect(doc.key).toBe("data-model");
  }, 30_000);

  it("takes back typing the record refuses (the doc locked before it was stored) on every page", async () => {
    await withServer(STORES_ON_STOP, async (at) => {
      const { actor, workspace } = await createUser();
      const { actor: other } = await createMember(workspace.id, "MEMBER", "Grace");
      const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Approved text." } });
      const a = await connect(doc.id, tokenFor(other, doc.id), at);
      const b = await connect(doc.id, tokenFor(actor, doc.id), at);
      const leaving = await connect(doc.id, tokenFor(actor, doc.id), at);
      typeInto(a.doc, "data-model", " Typed late.");
      await until(() => text(b.doc, "data-model") === "Approved text. Typed late.");
      await db.document.update({ where: { id: doc.id }, data: { lockedAt: new Date(), lockedById: actor.id } });
      // Someone leaving has what is not stored yet stored: refused (locked), and taken back out of the live doc.
      leaving.provider.destroy();
      await until(
        () => text(b.doc, "data-model") === "Approved text." && text(a.doc, "data-model") === "Approved text.",
      );
      expect((await section(doc.id, "data-model")).text).toBe("Approved text.");
    });
  }, 30_000);

  it("tells open pages when something they show changed (a lock, a comment, a verdict)", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    const a = await connect(doc.id, tokenFor(actor, doc.id));
    const events: string[] = [];
    a.provider.on("stateless", ({ payload }: { payload: string }) => events.push(payload));
    await db.document.update({ where: { id: doc.id }, data: { lockedAt: new Date(), lockedById: actor.id } });
    await until(() => events.some((e) => e.includes('"type":"changed"')));
    // Locked: the same connection is now read-only, with the reason.
    await until(() => events.some((e) => e.includes('"access":"read"') && e.includes("locked")));
  });

  it("tells a person's open pages when their inbox changed (the badge), and nobody else's", async () => {
    const { actor, workspace } = await createUser();
    const other = await createMember(workspace.id, "MEMBER", "Nell");
    const doc = await createTestDoc(actor, workspace.id);
    const mine = await connect(doc.id, tokenFor(actor, doc.id));
    const theirs = await connect(doc.id, tokenFor(other.actor, doc.id));
    const seen = { mine: [] as string[], theirs: [] as string[] };
    mine.provider.on("stateless", ({ payload }: { payload: string }) => seen.mine.push(payload));
    theirs.provider.on("stateless", ({ payload }: { payload: string }) => seen.theirs.push(payload));
    await db.notification.create({ data: { userId: actor.id, type: "comment.mention" } });
    await until(() => seen.mine.some((e) => e.includes('"type":"inbox"')));
    // A marker for the other page: once it hears its own, it would have heard the first one too.
    await db.notification.create({ data: { userId: other.actor.id, type: "comment.mention" } });
    await until(() => seen.theirs.some((e) => e.includes('"type":"inbox"')));
    expect(seen.theirs.filter((e) => e.includes('"type":"inbox"'))).toHaveLength(1);
  });

  it("keeps a seeded doc's items across loads: a copy kept by a page merges in without doubling text", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Orders" } });
    const first = await connect(doc.id, tokenFor(actor, doc.id));
    const kept = Y.encodeStateAsUpdate(first.doc); // what a page's offline copy holds
    first.provider.destroy();
    await until(() => !server.hocuspocus.documents.has(collabDocName(doc.id)));
    const second = await connect(doc.id, tokenFor(actor, doc.id));
    Y.applyUpdate(second.doc, kept);
    typeInto(second.doc, "data-model", "!");
    await until(async () => (await section(doc.id, "data-model")).text === "Orders!");
    expect(text(second.doc, "data-model")).toBe("Orders!");
  });

  it("lets a viewer follow read-only: a crafted update changes nothing, on the server or for others", async () => {
    const { actor, workspace } = await createUser();
    const viewer = await createMember(workspace.id, "VIEWER", "Vic");
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Kept" } });
    const editor = await connect(doc.id, tokenFor(actor, doc.id));
    const v = await connect(doc.id, tokenFor(viewer.actor, doc.id));
    expect(v.scope()).toBe("readonly");
    expect(text(v.doc, "data-model")).toBe("Kept");
    // The viewer's own client sends an update (what a tampered page would do).
    typeInto(v.doc, "data-model", " HACKED");
    // A marker edit from the editor after it proves the server has handled the viewer's message.
    await new Promise((r) => setTimeout(r, 300));
    typeInto(editor.doc, "data-model", ".");
    await until(async () => (await section(doc.id, "data-model")).text === "Kept.");
    expect(text(editor.doc, "data-model")).toBe("Kept.");
    const live = server.hocuspocus.documents.get(collabDocName(doc.id))!;
    expect(text(live, "data-model")).toBe("Kept.");
  });

  it("refuses a forged, foreign or expired token, and people without access", async () => {
    const { actor, workspace } = await createUser();
    const stranger = await createUser();
    const doc = await createTestDoc(actor, workspace.id);
    const forged = (await connect(doc.id, tokenFor(actor, doc.id).replace(/.$/, "x"))).failed();
    expect(forged).toBeTruthy();
    const otherDoc = await createTestDoc(actor, workspace.id);
    expect((await connect(doc.id, tokenFor(actor, otherDoc.id))).failed()).toBeTruthy();
    const expired = issueCollabToken(
      { docId: doc.id, subject: { kind: "user", id: actor.id }, name: "x" },
      SECRET,
      Date.now() - 60 * 60 * 1000,
    );
    expect((await connect(doc.id, expired)).failed()).toBeTruthy();
    expect((await connect(doc.id, tokenFor(stranger.actor, doc.id))).failed()).toBeTruthy();
  });

  it("downgrades an open editor to read-only within seconds when their role is lowered", async () => {
    const { actor, workspace } = await createUser();
    const member = await createMember(workspace.id, "MEMBER", "Mo");
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Start" } });
    const m = await connect(doc.id, tokenFor(member.actor, doc.id));
    const messages: string[] = [];
    m.provider.on("stateless", ({ payload }: { payload: string }) => messages.push(payload));
    await db.membership.update({ where: { id: member.membership.id }, data: { role: "VIEWER" } });
    await until(() => messages.some((p) => p.includes('"access":"read"')), 5_000);
    typeInto(m.doc, "data-model", " typed after");
    await new Promise((r) => setTimeout(r, 800));
    expect((await section(doc.id, "data-model")).text).toBe("Start");
  });

  it("says what the database holds (a state vector): after a store, and when a page asks", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Held" } });
    const a = await connect(doc.id, tokenFor(actor, doc.id));
    const durable: Record<string, number>[] = [];
    a.provider.on("stateless", ({ payload }: { payload: string }) => {
      const event = JSON.parse(payload) as { type: string; clocks?: Record<string, number> };
      if ((event.type === "durable" || event.type === "stored") && event.clocks) durable.push(event.clocks);
    });
    const own = () => Y.getState(a.doc.store, a.doc.clientID);
    const covered = () => durable.some((clocks) => (clocks[String(a.doc.clientID)] ?? 0) >= own());
    // Acknowledged is not stored: the page's clock is covered only once the store has run.
    typeInto(a.doc, "data-model", " and kept");
    await until(covered);
    expect((await section(doc.id, "data-model")).text).toBe("Held and kept");
    // Asked with nothing left to store (a page back from offline whose edits another page already handed over).
    durable.length = 0;
    a.provider.sendStateless(JSON.stringify({ type: "durable?" }));
    await until(covered);
  });

  it("writes no new version for typing taken back before it was stored, and still says it is held", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Same" } });
    const a = await connect(doc.id, tokenFor(actor, doc.id));
    const before = await section(doc.id, "data-model");
    const versions = () => db.sectionVersion.count({ where: { sectionId: before.id } });
    const versionsBefore = await versions();
    const held: Record<string, number>[] = [];
    a.provider.on("stateless", ({ payload }: { payload: string }) => {
      const event = JSON.parse(payload) as { type: string; clocks?: Record<string, number> };
      if ((event.type === "durable" || event.type === "stored") && event.clocks) held.push(event.clocks);
    });
    const own = () => Y.getState(a.doc.store, a.doc.clientID);
    typeInto(a.doc, "data-model", " and more");
    const textNode = (a.doc.getXmlFragment("data-model").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textNode.delete(textNode.length - " and more".length, " and more".length);
    await until(() => held.some((clocks) => (clocks[String(a.doc.clientID)] ?? 0) >= own()));
    const after = await section(doc.id, "data-model");
    expect(after.text).toBe("Same");
    expect(after.version).toBe(before.version);
    expect(await versions()).toBe(versionsBefore);
  });

  // Access on open connections (issue 14): each change reaches an open page within 5 s (the recheck runs every
  // 300 ms here, 2 s by default), with the reason for the page to show, and nothing typed after it is stored.
  describe("access ends or narrows on an open connection", () => {
    type Watched = Client & { events: { access?: string; reason?: string; message?: string }[]; closed: () => boolean };
    async function watched(docId: string, token: string, at = url): Promise<Watched> {
      const client = await connect(docId, token, at);
      const events: Watched["events"] = [];
      let closed = false;
      client.provider.on("stateless", ({ payload }: { payload: string }) => {
        const event = JSON.parse(payload) as Watched["events"][number] & { type: string };
        if (event.type === "access") events.push(event);
      });
      client.provider.on("close", () => {
        closed = true;
      });
      return { ...client, events, closed: () => closed };
    }
    const accessTold = (w: Watched, access: string) => () => w.events.some((e) => e.access === access);

    it("a removed member's connection is closed, with the reason", async () => {
      const { actor, workspace } = await createUser();
      const member = await createMember(workspace.id, "MEMBER", "Rem");
      const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Start" } });
      const m = await watched(doc.id, tokenFor(member.actor, doc.id));
      expect(m.scope()).toBe("read-write");
      await removeMember(actor, workspace.id, { membershipId: member.membership.id });
      await until(accessTold(m, "none"), 5_000);
      await until(m.closed, 5_000);
      expect(m.events.at(-1)).toMatchObject({
        access: "none",
        reason: "no-access",
        message: CLOSED_MESSAGES["no-access"],
      });
      typeInto(m.doc, "data-model", " after removal");
      await new Promise((r) => setTimeout(r, 800));
      expect((await section(doc.id, "data-model")).text).toBe("Start");
      const live = server.hocuspocus.documents.get(collabDocName(doc.id));
      if (live) expect(text(live, "data-model")).toBe("Start");
    });

    it("a removal and a lock reach open connections at once, not at the next round of asking", async () => {
      await withServer({ recheckMs: 60_000 }, async (at) => {
        const { actor, workspace } = await createUser();
        const member = await createMember(workspace.id, "MEMBER", "Rem");
        const other = await createMember(workspace.id, "MEMBER", "Stays");
        const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Start" } });
        const m = await watched(doc.id, tokenFor(member.actor, doc.id), at);
        const o = await watched(doc.id, tokenFor(other.actor, doc.id), at);
        await removeMember(actor, workspace.id, { membershipId: member.membership.id });
        await until(m.closed, 3_000);
        await db.document.update({ where: { id: doc.id }, data: { lockedAt: new Date(), lockedById: actor.id } });
        await until(accessTold(o, "read"), 3_000);
      });
    });

    it("a revoked share link's guests are closed, with the reason", async () => {
      const { actor, workspace } = await createUser();
      const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Shared" } });
      const { link } = await createShareLink(actor, doc.id, { role: "view" }, "http://localhost");
      const guestToken = issueCollabToken(
        { docId: doc.id, subject: { kind: "link", id: link.id }, name: "Guest" },
        SECRET,
      );
      const guest = await watched(doc.id, guestToken);
      expect(guest.scope()).toBe("readonly");
      expect(text(guest.doc, "data-model")).toBe("Shared");
      await revokeShareLink(actor, doc.id, link.id);
      await until(accessTold(guest, "none"), 5_000);
      await until(guest.closed, 5_000);
      // Reconnecting with a fresh ticket is refused too.
      expect((await connect(doc.id, guestToken)).failed()).toBe("no-access");
    });

    it("archiving turns an open editor read-only with the reason; restoring gives editing back", async () => {
      const { actor, workspace } = await createUser();
      const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Before" } });
      const a = await watched(doc.id, tokenFor(actor, doc.id));
      await db.document.update({ where: { id: doc.id }, data: { archivedAt: new Date() } });
      await until(accessTold(a, "read"), 5_000);
      expect(a.events.at(-1)).toMatchObject({ access: "read", reason: "archived", message: ARCHIVED });
      typeInto(a.doc, "data-model", " while archived");
      await new Promise((r) => setTimeout(r, 800));
      expect((await section(doc.id, "data-model")).text).toBe("Before");
      await db.document.update({ where: { id: doc.id }, data: { archivedAt: null } });
      await until(accessTold(a, "edit"), 5_000);
      expect(a.closed()).toBe(false);
    });

    it("deleting the doc closes every page on it with 'deleted', stores nothing more and unloads it", async () => {
      const { actor, workspace } = await createUser();
      const other = await createMember(workspace.id, "MEMBER", "Del");
      const doc = await createTestDoc(actor, workspace.id, { title: "Doomed", sections: { "data-model": "Gone" } });
      const a = await watched(doc.id, tokenFor(actor, doc.id));
      const b = await watched(doc.id, tokenFor(other.actor, doc.id));
      const storeErrors = async () =>
        Number(
          /^collab_store_errors_total\{part="state"\} (\d+)/m.exec(await server.metrics.registry.metrics())?.[1] ?? 0,
        );
      const errorsBefore = await storeErrors();
      // Typing right before the deletion: a store of it is due when the doc is already gone.
      typeInto(b.doc, "data-model", " typed last");
      await deleteDocForGood(actor, doc.id, { confirmTitle: "Doomed" });
      for (const w of [a, b]) {
        await until(accessTold(w, "none"), 5_000);
        await until(w.closed, 5_000);
        expect(w.events.at(-1)).toMatchObject({ access: "none", reason: "deleted", message: CLOSED_MESSAGES.deleted });
      }
      await until(() => !server.hocuspocus.documents.has(collabDocName(doc.id)), 5_000);
      expect(await db.collabState.findUnique({ where: { documentId: doc.id } })).toBeNull();
      expect(await db.section.count({ where: { documentId: doc.id } })).toBe(0);
      expect(await storeErrors()).toBe(errorsBefore);
      // A page that reconnects hears that the doc was deleted, not that its access ended.
      expect((await connect(doc.id, tokenFor(actor, doc.id))).failed()).toBe("deleted");
    });
  });

  it("closes only the connection that sends a malformed message", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Fine" } });
    const good = await connect(doc.id, tokenFor(actor, doc.id));
    const raw = new WebSocket(url);
    await new Promise((r) => raw.once("open", r));
    const closed = new Promise((r) => raw.once("close", r));
    raw.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    raw.send(Buffer.alloc(3 * 1024 * 1024, 7));
    await closed;
    typeInto(good.doc, "data-model", " still");
    await until(async () => (await section(doc.id, "data-model")).text === "Fine still");
  });
});
