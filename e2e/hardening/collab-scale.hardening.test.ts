/**
 * Scale-out under a crash (issue 14): two collaboration processes (scripts/collab-server.ts) share one PostgreSQL
 * and the machine's Redis (127.0.0.1:6379, or REDIS_URL). Each section has one writer on each process, typing into
 * the same paragraph; one process is killed with SIGKILL while both type. Its writers move to the other process
 * (the page's failover over COLLAB_PUBLIC_URLS, components/collab/failover.ts) and go on typing. Nothing either
 * writer typed may be lost or doubled: every copy ends with both writers' words, and so does the database.
 * Figures go to test-results/reports/hardening-collab-scale.json; nothing here asserts on time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { extractText } from "@/lib/editor/text";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { liveWriter, startCollabProcess, typeUntil, until, type LiveWriter } from "./lib/collab";

const SECRET = process.env.AUTH_SECRET!;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const KEYS = ["design-overview", "architecture", "data-model"];
const figures: Record<string, unknown> = {};
type Collab = Awaited<ReturnType<typeof startCollabProcess>>;
let one: Collab;
let two: Collab;
const writers: LiveWriter[] = [];
let docId = "";
const people: { id: string; name: string }[] = [];

beforeAll(async () => {
  const env = { DATABASE_URL: process.env.DATABASE_URL!, AUTH_SECRET: SECRET, REDIS_URL };
  [one, two] = await Promise.all([startCollabProcess(env), startCollabProcess(env)]);
  const { actor, workspace } = await createUser({ name: "Owner" });
  people.push({ id: actor.id, name: actor.name });
  for (let i = 1; i < KEYS.length * 2; i++) {
    const m = await createMember(workspace.id, "MEMBER", `Writer ${i}`);
    people.push({ id: m.actor.id, name: m.actor.name });
  }
  const doc = await createTestDoc(actor, workspace.id, {
    title: "Two processes",
    sections: Object.fromEntries(KEYS.map((k) => [k, `Start ${k}`])),
  });
  docId = doc.id;
}, 300_000);

afterAll(async () => {
  writers.forEach((w) => w.destroy());
  await Promise.all([one?.kill("SIGTERM"), two?.kill("SIGTERM")]);
  const dir = path.resolve(import.meta.dirname, "..", "..", "test-results", "reports");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "hardening-collab-scale.json"), JSON.stringify(figures, null, 2));
  console.log(`hardening collab scale figures: ${JSON.stringify(figures, null, 2)}`);
});

async function storedText(key: string): Promise<string> {
  const row = await db.section.findUnique({
    where: { documentId_key: { documentId: docId, key } },
    select: { content: true },
  });
  return row ? extractText(row.content as JSONContent) : "";
}

describe("two collaboration processes on one Redis", () => {
  it("one killed with SIGKILL while writers on both type: its writers move over, nothing is lost", async () => {
    // Writer 2k on process one, 2k+1 on process two, both in section k: one at its end, one at its start.
    const list = KEYS.flatMap((key, k) =>
      [one, two].map((home, side) => {
        const other = home === one ? two : one;
        const w = liveWriter({
          url: home.url,
          urls: [home.url, other.url],
          secret: SECRET,
          docId,
          key,
          user: people[k * 2 + side]!,
          at: side ? "start" : "end",
          name: `p${side + 1}w${k}`,
        });
        writers.push(w);
        return w;
      }),
    );
    expect(await until(() => list.every((w) => w.provider.isSynced), 60_000)).toBe(true);
    // Both processes relay to each other before the crash: each writer sees its partner's first word.
    list[0]!.type("hello1");
    list[1]!.type("hello2");
    expect(await until(() => list[0]!.text().includes("hello2") && list[1]!.text().includes("hello1"), 30_000)).toBe(
      true,
    );

    let done = false;
    const typing = typeUntil(list, () => done, 200);
    await new Promise((r) => setTimeout(r, 3_000));
    const killedPid = one.pid();
    await one.kill("SIGKILL");
    const typedAtKill = list.reduce((n, w) => n + w.typed.length, 0);
    // The writers of the dead process reconnect to the other one and keep typing there.
    await new Promise((r) => setTimeout(r, 4_000));
    done = true;
    await typing;

    const bySlot = new Map<string, LiveWriter[]>();
    for (const w of list) bySlot.set(w.key, [...(bySlot.get(w.key) ?? []), w]);
    const wordsOf = (key: string) => bySlot.get(key)!.flatMap((w) => w.typed);
    const notLiveNow = () =>
      list.flatMap((w) => {
        const copy = ` ${w.text()} `;
        return wordsOf(w.key)
          .filter((word) => !copy.includes(` ${word} `))
          .map((word) => `${word} not in ${w.name}`);
      });
    const started = Date.now();
    await until(() => notLiveNow().length === 0, 90_000);
    const allLiveMs = Date.now() - started;
    const notLive = notLiveNow();
    const diverged = KEYS.filter((key) => new Set(bySlot.get(key)!.map((w) => w.text())).size > 1);

    const missingInDb = async () =>
      (
        await Promise.all(
          KEYS.map(async (key) => {
            const stored = ` ${await storedText(key)} `;
            return wordsOf(key).filter((word) => !stored.includes(` ${word} `));
          }),
        )
      ).flat();
    const stored = await until(async () => (await missingInDb()).length === 0, 90_000);
    const lost = await missingInDb();
    const doubled = (
      await Promise.all(
        KEYS.map(async (key) => {
          const words = (await storedText(key)).split(/\s+/).filter((x) => /^p\dw\dx\d+$/.test(x));
          return words.length - new Set(words).size;
        }),
      )
    ).reduce((a, b) => a + b, 0);
    // Each writer is on the surviving process now (the failover), and it is the one that stored.
    const onSurvivor = list.every((w) => w.provider.configuration.websocketProvider.configuration.url === two.url);
    figures.killOneOfTwo = {
      writers: list.length,
      sections: KEYS.length,
      editsTyped: list.reduce((n, w) => n + w.typed.length, 0),
      editsTypedBeforeKill: typedAtKill,
      allInEveryCopyMsAfterTypingStopped: notLive.length ? null : allLiveMs,
      missingInCopies: notLive.length,
      divergedSections: diverged.length,
      lostEdits: lost.length,
      doubledWords: doubled,
      allStored: stored,
      allOnSurvivor: onSurvivor,
    };
    expect({ notLive: notLive.slice(0, 20), diverged, lost, doubled }).toEqual({
      notLive: [],
      diverged: [],
      lost: [],
      doubled: 0,
    });
    expect(onSurvivor).toBe(true);
    expect(one.pid()).toBe(killedPid);
    expect(two.pid()).toBeGreaterThan(0);
  });
});
