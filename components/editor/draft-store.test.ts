import type { JSONContent } from "@tiptap/core";
import { beforeEach, describe, expect, it } from "vitest";
import { createDraftStore, draftKey, type DraftScope, type StorageLike } from "./draft-store";

/** A test double of the browser's Storage, with a switch to make it fail like a full quota does. */
class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  failWrites = false;
  failAll = false;
  getItem(key: string) {
    if (this.failAll) throw new DOMException("denied", "SecurityError");
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failAll || this.failWrites) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string) {
    if (this.failAll) throw new DOMException("denied", "SecurityError");
    this.items.delete(key);
  }
}

const doc = (text: string): JSONContent => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const scope: DraftScope = { docId: "doc_1", sectionKey: "data-model", userId: "user_1" };

describe("draft store", () => {
  let storage: FakeStorage;
  let clock: number;
  beforeEach(() => {
    storage = new FakeStorage();
    clock = 1_000;
  });
  const store = () => createDraftStore(storage, () => clock);

  it("keeps content with its base version and the time it was written", () => {
    expect(store().write(scope, { content: doc("hello"), baseVersion: 4 })).toBe(true);
    expect(store().read(scope)).toEqual({ content: doc("hello"), baseVersion: 4, savedAt: 1_000 });
  });

  it("keeps each section, doc and person apart", () => {
    store().write(scope, { content: doc("mine"), baseVersion: 1 });
    expect(store().read({ ...scope, sectionKey: "data-flow" })).toBeNull();
    expect(store().read({ ...scope, docId: "doc_2" })).toBeNull();
    expect(store().read({ ...scope, userId: "user_2" })).toBeNull();
    expect(
      new Set([draftKey(scope), draftKey({ ...scope, userId: null }), draftKey({ ...scope, sectionKey: "x" })]).size,
    ).toBe(3);
  });

  it("uses a readable, versioned key", () => {
    expect(draftKey(scope)).toBe("design-review:draft:v1:user_1:doc_1:data-model");
  });

  it("does not let a key part spill into the next one", () => {
    expect(draftKey({ docId: "a:b", sectionKey: "c" })).not.toBe(draftKey({ docId: "a", sectionKey: "b:c" }));
  });

  it("clears a draft", () => {
    store().write(scope, { content: doc("x"), baseVersion: 1 });
    store().clear(scope);
    expect(store().read(scope)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it("drops a corrupt or foreign entry instead of restoring it", () => {
    for (const raw of [
      "{not json",
      JSON.stringify({ content: { type: "paragraph" }, baseVersion: 1, savedAt: 1 }),
      JSON.stringify({ content: doc("x"), baseVersion: -1, savedAt: 1 }),
      "null",
    ]) {
      storage.items.set(draftKey(scope), raw);
      expect(store().read(scope)).toBeNull();
      expect(storage.items.has(draftKey(scope))).toBe(false);
    }
  });

  it("forgets the draft once the server has exactly that content", () => {
    store().write(scope, { content: doc("saved text"), baseVersion: 2 });
    store().acknowledge(scope, { content: doc("saved text"), version: 3 });
    expect(store().read(scope)).toBeNull();
  });

  it("compares content by meaning, not by key order", () => {
    store().write(scope, {
      content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "a" }] }] },
      baseVersion: 2,
    });
    store().acknowledge(scope, {
      content: { content: [{ content: [{ text: "a", type: "text" }], type: "paragraph" }], type: "doc" },
      version: 3,
    });
    expect(store().read(scope)).toBeNull();
  });

  it("rebases newer edits onto the acknowledged version, so restoring them is not a conflict with ourselves", () => {
    store().write(scope, { content: doc("typed after the save started"), baseVersion: 2 });
    clock = 2_000;
    store().acknowledge(scope, { content: doc("what was sent"), version: 3 });
    expect(store().read(scope)).toEqual({
      content: doc("typed after the save started"),
      baseVersion: 3,
      savedAt: 2_000,
    });
  });

  it("never moves a draft's base backwards", () => {
    store().write(scope, { content: doc("newer"), baseVersion: 7 });
    store().acknowledge(scope, { content: doc("older"), version: 5 });
    expect(store().read(scope)?.baseVersion).toBe(7);
  });

  it("ignores an acknowledgement when there is no draft", () => {
    store().acknowledge(scope, { content: doc("x"), version: 1 });
    expect(storage.items.size).toBe(0);
  });

  it("reports a refused write instead of throwing", () => {
    storage.failWrites = true;
    expect(store().write(scope, { content: doc("x"), baseVersion: 1 })).toBe(false);
  });

  it("works as a no-op where storage is unavailable", () => {
    storage.failAll = true;
    expect(store().write(scope, { content: doc("x"), baseVersion: 1 })).toBe(false);
    expect(store().read(scope)).toBeNull();
    expect(() => store().clear(scope)).not.toThrow();
    const none = createDraftStore(null);
    expect(none.write(scope, { content: doc("x"), baseVersion: 1 })).toBe(false);
    expect(none.read(scope)).toBeNull();
  });
});
