import type { IndexeddbPersistence } from "y-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { gatherServerWrites } from "./device-writes";

const SERVER = { from: "server" };

/** A device copy that records what it was asked to write (y-indexeddb's own write, one transaction each). */
function deviceCopy(doc: Y.Doc) {
  const writes: { update: Uint8Array; origin: unknown }[] = [];
  const persistence = {
    _destroyed: false,
    _storeUpdate: (update: Uint8Array, origin: unknown) => writes.push({ update, origin }),
  } as unknown as IndexeddbPersistence;
  doc.on("update", persistence._storeUpdate);
  return { persistence, writes };
}

/** What a new doc holds after taking in everything written, in order. */
function replay(writes: { update: Uint8Array }[], key = "s"): string {
  const copy = new Y.Doc();
  for (const w of writes) Y.applyUpdate(copy, w.update);
  return copy.getText(key).toString();
}

describe("gatherServerWrites (the device copy under many writers)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes what came from the server as one update a second, and holds all of it", () => {
    const server = new Y.Doc();
    const here = new Y.Doc();
    const { persistence, writes } = deviceCopy(here);
    gatherServerWrites(persistence, here, (origin) => origin === SERVER);
    for (let i = 0; i < 200; i++) {
      const before = Y.encodeStateVector(server);
      server.getText("s").insert(server.getText("s").length, `w${i} `);
      Y.applyUpdate(here, Y.encodeStateAsUpdate(server, before), SERVER);
    }
    expect(writes).toHaveLength(0);
    vi.advanceTimersByTime(1_000);
    expect(writes).toHaveLength(1);
    expect(replay(writes)).toBe(server.getText("s").toString());
  });

  it("writes this page's own change at once, after what it builds on", () => {
    const server = new Y.Doc();
    const here = new Y.Doc();
    const { persistence, writes } = deviceCopy(here);
    gatherServerWrites(persistence, here, (origin) => origin === SERVER);
    server.getText("s").insert(0, "Remote words.");
    Y.applyUpdate(here, Y.encodeStateAsUpdate(server), SERVER);
    here.getText("s").insert("Remote words.".length, " Mine.");
    // Nothing waits for the timer: a tab closed now still finds both on the device.
    expect(writes).toHaveLength(2);
    expect(replay(writes)).toBe("Remote words. Mine.");
  });

  it("writes what it holds when stopped, and nothing after", () => {
    const here = new Y.Doc();
    const { persistence, writes } = deviceCopy(here);
    const stop = gatherServerWrites(persistence, here, (origin) => origin === SERVER);
    const server = new Y.Doc();
    server.getText("s").insert(0, "held");
    Y.applyUpdate(here, Y.encodeStateAsUpdate(server), SERVER);
    stop();
    expect(replay(writes)).toBe("held");
    here.getText("s").insert(0, "after ");
    expect(writes).toHaveLength(1);
  });
});
