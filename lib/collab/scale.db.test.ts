import { randomUUID } from "node:crypto";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { extractText } from "@/lib/editor/text";
import { createMember, createUser } from "@/prisma/factories";
import { saveSection } from "@/lib/docs/save-section";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { redisAuthors, redisClaim, redisExtension, redisOptionsFrom } from "./scale";
import { createCollabServer } from "./server";
import { collabDocName, issueCollabToken } from "./token";
import { fragmentContent } from "./ydoc";

// Two collaboration servers sharing one Redis (the machine's, 127.0.0.1:6379) and one database, as two processes
// would; a prefix of this run's own keeps other runs' channels apart.
const SECRET = process.env.AUTH_SECRET!;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `test-${randomUUID()}`;
const make = () => {
  const redis = redisExtension(REDIS_URL, { prefix });
  return createCollabServer({
    port: 0,
    secret: SECRET,
    debounceMs: 150,
    maxDebounceMs: 600,
    sweepMs: 200,
    extensions: [redis],
    claim: redisClaim(redis, { prefix }),
    authors: redisAuthors(redis, { prefix }),
  });
};
const one = make();
const two = make();
const open: HocuspocusProvider[] = [];

beforeAll(async () => {
  await Promise.all([one.listen(), two.listen()]);
});
afterAll(async () => {
  open.forEach((p) => p.destroy());
  await Promise.all([one.destroy(), two.destroy()]);
});

const urlOf = (server: typeof one) => `ws://127.0.0.1:${server.address.port}`;
const tokenFor = (actor: Actor, docId: string) =>
  issueCollabToken({ docId, subject: { kind: "user", id: actor.id }, name: actor.name }, SECRET);

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function connect(server: typeof one, docId: string, token: string) {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: urlOf(server), WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: collabDocName(docId),
    document: doc,
    token,
  });
  provider.attach();
  open.push(provider);
  await until(() => provider.isSynced);
  return { provider, doc };
}

const text = (doc: Y.Doc, key: string) => extractText(fragmentContent(doc, key) as JSONContent);

function typeAtEnd(doc: Y.Doc, key: string, words: string): void {
  doc.transact(() => {
    const paragraph = doc.getXmlFragment(key).get(0) as Y.XmlElement;
    const node = paragraph.get(0) as Y.XmlText | undefined;
    if (node) node.insert(node.length, words);
    else paragraph.insert(0, [new Y.XmlText(words)]);
  });
}

describe("two collaboration servers on one Redis", () => {
  it("editors on different servers see each other, and the typing is stored once with its authors", async () => {
    const { actor, workspace } = await createUser({ name: "Ada" });
    const other = await createMember(workspace.id, "MEMBER", "Grace");
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Orders" } });
    const a = await connect(one, doc.id, tokenFor(actor, doc.id));
    const b = await connect(two, doc.id, tokenFor(other.actor, doc.id));
    expect(text(b.doc, "data-model")).toBe("Orders");

    typeAtEnd(a.doc, "data-model", " have lines");
    await until(() => text(b.doc, "data-model") === "Orders have lines");
    typeAtEnd(b.doc, "data-model", " and totals");
    await until(() => text(a.doc, "data-model") === "Orders have lines and totals");

    const stored = async () =>
      db.section.findUniqueOrThrow({ where: { documentId_key: { documentId: doc.id, key: "data-model" } } });
    await until(async () => (await stored()).text === "Orders have lines and totals");
    // Both servers may store the doc; the second finds the same content and writes no extra version.
    await new Promise((r) => setTimeout(r, 1_500));
    const versions = await db.sectionVersion.findMany({
      where: { documentId: doc.id, sectionKey: "data-model", text: "Orders have lines and totals" },
    });
    expect(versions).toHaveLength(1);
    const authors = await db.sectionVersion.findMany({
      where: { documentId: doc.id, sectionKey: "data-model", kind: "COLLAB" },
      select: { authorIds: true },
    });
    expect(new Set(authors.flatMap((v) => v.authorIds))).toEqual(new Set([actor.id, other.actor.id]));
  });

  it("an outside write is merged once; typing on both servers at once is all kept, live and stored", async () => {
    const { actor, workspace } = await createUser({ name: "Ada" });
    const other = await createMember(workspace.id, "MEMBER", "Grace");
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Start" } });
    const a = await connect(one, doc.id, tokenFor(actor, doc.id));
    const b = await connect(two, doc.id, tokenFor(other.actor, doc.id));
    const current = await db.section.findUniqueOrThrow({
      where: { documentId_key: { documentId: doc.id, key: "data-model" } },
    });
    await saveSection(actor, doc.id, "data-model", { baseVersion: current.version, content: paragraph("From API") });
    await until(() => text(a.doc, "data-model") === "From API" && text(b.doc, "data-model") === "From API");
    // Both servers heard of the write; one merged it, so it is there once, also a moment later.
    await new Promise((r) => setTimeout(r, 500));
    expect([text(a.doc, "data-model"), text(b.doc, "data-model")]).toEqual(["From API", "From API"]);

    // Each server stores while the other's editor keeps typing: no store may take back what the other doc has.
    const typed: string[] = [];
    for (let i = 0; i < 40; i++) {
      const [who, mark] = i % 2 ? [b, ` b${i}`] : [a, ` a${i}`];
      typeAtEnd(who.doc, "data-model", mark);
      typed.push(mark.trim());
      await new Promise((r) => setTimeout(r, 60));
    }
    const all = (t: string) => typed.every((m) => t.split(/\s+/).includes(m));
    await until(() => all(text(a.doc, "data-model")) && all(text(b.doc, "data-model")));
    expect(text(a.doc, "data-model")).toBe(text(b.doc, "data-model"));
    await until(async () =>
      all(
        (await db.section.findUniqueOrThrow({ where: { documentId_key: { documentId: doc.id, key: "data-model" } } }))
          .text,
      ),
    );
    // And the live docs still hold it all after every store has run.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(all(text(a.doc, "data-model")) && all(text(b.doc, "data-model"))).toBe(true);
  });

  it("reports open connections, docs and stores on GET /metrics (loopback only without a token)", async () => {
    const { actor, workspace } = await createUser();
    const doc = await createTestDoc(actor, workspace.id, { sections: { "data-model": "Counted" } });
    const a = await connect(one, doc.id, tokenFor(actor, doc.id));
    typeAtEnd(a.doc, "data-model", " once");
    await until(
      async () =>
        (await db.section.findUniqueOrThrow({ where: { documentId_key: { documentId: doc.id, key: "data-model" } } }))
          .text === "Counted once",
    );
    const res = await fetch(`http://127.0.0.1:${one.address.port}/metrics`);
    expect(res.status).toBe(200);
    const body = await res.text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)`, "m").exec(body)?.[1] ?? NaN);
    expect(value("collab_connections")).toBeGreaterThanOrEqual(1);
    expect(value("collab_docs")).toBeGreaterThanOrEqual(1);
    expect(body).toMatch(/^collab_stores_total\{result="stored"\} [1-9]/m);
    expect(body).toMatch(/^collab_section_stores_total\{result="saved"\} [1-9]/m);
    // A request a proxy forwarded is not from this machine: the path does not exist for it.
    const forwarded = await fetch(`http://127.0.0.1:${one.address.port}/metrics`, {
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    expect(forwarded.status).toBe(404);
  });

  it("reads user, password, database and TLS from REDIS_URL", () => {
    expect(redisOptionsFrom("rediss://u:p%40ss@cache.internal:6380/2")).toMatchObject({
      host: "cache.internal",
      port: 6380,
      options: { username: "u", password: "p@ss", db: 2, tls: {} },
    });
    expect(redisOptionsFrom("redis://127.0.0.1")).toMatchObject({ host: "127.0.0.1", port: 6379 });
  });
});
