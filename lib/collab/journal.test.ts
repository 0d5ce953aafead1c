import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DeviceJournal, parseJournal, toBase64, type JournalStorage } from "./journal";
import { journalDocPrefix, storageKeysWith } from "./journal-key";

/** A localStorage stand-in that refuses writes past `quota` characters, as browsers do (QuotaExceededError). */
class FakeStorage implements JournalStorage {
  readonly items = new Map<string, string>();
  refuseAll = false;
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (this.refuseAll || used + key.length + value.length > this.quota)
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const KEY = "design-review:journal:v1:u:doc:page";

/** A doc whose every update (one per typed character, as in an editor) is journaled. */
function typing(journal: DeviceJournal) {
  const doc = new Y.Doc();
  let pending = 0;
  doc.on("update", (update: Uint8Array) => journal.append(update, ++pending));
  const text = doc.getText("t");
  return { doc, type: (s: string) => [...s].forEach((c) => text.insert(text.length, c)) };
}

/** The text a fresh doc shows with what `raw` holds. */
function replay(raw: string | null): string {
  const doc = new Y.Doc();
  for (const update of parseJournal(raw)?.updates ?? []) Y.applyUpdate(doc, update);
  return doc.getText("t").toString();
}

describe("device journal", () => {
  it("holds every keystroke as soon as it is made, and the count of edits waiting", () => {
    const storage = new FakeStorage();
    const { type } = typing(new DeviceJournal(storage, KEY));
    type("Kept.");
    expect(replay(storage.getItem(KEY))).toBe("Kept.");
    expect(parseJournal(storage.getItem(KEY))?.pending).toBe(5);
  });

  it("lets go of what IndexedDB committed, and of everything once the server stored it", () => {
    const storage = new FakeStorage();
    const journal = new DeviceJournal(storage, KEY);
    const { type } = typing(journal);
    type("ab");
    const batch = journal.unflushed()!;
    type("c"); // typed while the write was under way: stays
    journal.flushed(batch.through);
    expect(parseJournal(storage.getItem(KEY))?.updates).toHaveLength(1);
    expect(parseJournal(storage.getItem(KEY))?.pending).toBe(3);
    journal.clear();
    expect(storage.getItem(KEY)).toBeNull();
  });

  it("compacts many keystrokes into one update when it grows past its limit, losing nothing", () => {
    const storage = new FakeStorage();
    const { type } = typing(new DeviceJournal(storage, KEY, 4_000));
    type("x".repeat(200)); // ~30 bytes per keystroke, as its own update: far past 4,000 characters uncompacted
    const stored = parseJournal(storage.getItem(KEY))!;
    expect(stored.updates.length).toBeLessThan(200);
    expect(replay(storage.getItem(KEY))).toBe("x".repeat(200));
  });

  it("past its limit even compacted, keeps what it had and says so; IndexedDB committing makes room again", () => {
    const storage = new FakeStorage();
    const journal = new DeviceJournal(storage, KEY, 600);
    const doc = new Y.Doc();
    const text = doc.getText("t");
    const kept: boolean[] = [];
    doc.on("update", (update: Uint8Array) => kept.push(journal.append(update, kept.length + 1)));
    text.insert(0, "small");
    text.insert(5, "y".repeat(2_000)); // one update larger than the limit
    text.insert(2_005, "z");
    expect(kept).toEqual([true, false, false]);
    expect(replay(storage.getItem(KEY))).toBe("small");
    expect(parseJournal(storage.getItem(KEY))?.pending).toBe(3);
    journal.flushed(journal.unflushed()!.through);
    text.insert(2_006, "!");
    expect(kept.at(-1)).toBe(true);
  });

  it("never throws when the browser refuses to store (quota, or storage switched off)", () => {
    const storage = new FakeStorage(300);
    storage.setItem("someone-else", "x".repeat(250));
    const journal = new DeviceJournal(storage, KEY);
    const { type } = typing(journal);
    expect(() => type("refused by quota")).not.toThrow();
    storage.refuseAll = true;
    expect(() => type(" and refused")).not.toThrow();
    expect(() => journal.clear()).not.toThrow();
    const { type: typeNowhere } = typing(new DeviceJournal(null, KEY));
    expect(() => typeNowhere("no storage at all")).not.toThrow();
  });

  it("writes nothing once stopped, and removes itself when discarded (sign-out)", () => {
    const storage = new FakeStorage();
    const journal = new DeviceJournal(storage, KEY);
    const { type } = typing(journal);
    type("a");
    journal.stop(true);
    type("b");
    expect(storage.getItem(KEY)).toBeNull();
  });
});

describe("reading a journal left in storage", () => {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  doc.getText("t").insert(0, "Good");
  doc.getText("t").insert(4, " words");

  it("keeps the readable updates and leaves out damaged ones", () => {
    const raw = JSON.stringify({
      v: 1,
      pending: 2,
      updates: [toBase64(updates[0]!), "%%% not base64", 42, toBase64(Uint8Array.from([255, 255, 255, 9])), ""],
    });
    const found = parseJournal(raw)!;
    expect(found.updates).toHaveLength(1);
    expect(replay(raw)).toBe("Good");
  });

  it("is null for what is not a journal (cut-off JSON, another version, another shape)", () => {
    const whole = JSON.stringify({ v: 1, pending: 2, updates: updates.map(toBase64) });
    for (const raw of [whole.slice(0, whole.length - 9), "null", "[]", '"text"', JSON.stringify({ v: 2 }), null])
      expect(parseJournal(raw)).toBeNull();
  });

  it("counts edits it holds even when their count is damaged", () => {
    const raw = JSON.stringify({ v: 1, pending: "many", updates: updates.map(toBase64) });
    expect(parseJournal(raw)?.pending).toBe(1);
    expect(parseJournal(JSON.stringify({ v: 1, pending: -4, updates: [] }))?.pending).toBe(0);
  });

  it("finds one person's journals of one doc, and no one else's", () => {
    const storage = new FakeStorage();
    const mine = journalDocPrefix("user:1", "doc-a");
    storage.setItem(`${mine}page-1`, "{}");
    storage.setItem(`${mine}page-2`, "{}");
    storage.setItem(`${journalDocPrefix("user:1", "doc-b")}page-3`, "{}");
    storage.setItem(`${journalDocPrefix("user", "1:doc-a")}page-4`, "{}");
    expect(storageKeysWith(storage, mine).sort()).toEqual([`${mine}page-1`, `${mine}page-2`]);
    expect(storageKeysWith(null, mine)).toEqual([]);
  });
});
