import { describe, expect, it } from "vitest";
import { groupHistory, type Burst, type EventRow, type VersionRow } from "./bursts";

const T0 = Date.parse("2026-12-01T09:00:00Z");
const min = (m: number) => new Date(T0 + m * 60_000);
let seq = 0;
function v(at: number, authors: string[], key = "context", extra: Partial<VersionRow> = {}): VersionRow {
  return {
    seq: ++seq,
    sectionKey: key,
    sectionTitle: key[0]!.toUpperCase() + key.slice(1),
    kind: "EDIT",
    authorIds: authors,
    createdAt: min(at),
    ...extra,
  };
}
const bursts = (entries: ReturnType<typeof groupHistory>) => entries.filter((e): e is Burst => e.type === "burst");

describe("groupHistory", () => {
  it("one person's saves minutes apart are one entry; a pause of 10 minutes starts another", () => {
    seq = 0;
    const entries = groupHistory([v(0, ["ann"]), v(3, ["ann"]), v(9, ["ann"], "goals"), v(25, ["ann"])], []);
    const [later, first] = bursts(entries);
    expect(entries).toHaveLength(2);
    expect(first).toMatchObject({ fromSeq: 1, toSeq: 3, versions: 3, authorIds: ["ann"] });
    expect(first!.sections.map((s) => s.key)).toEqual(["context", "goals"]);
    expect(later).toMatchObject({ fromSeq: 4, toSeq: 4 });
  });

  it("lists every person who edited in a burst, not only the last one", () => {
    seq = 0;
    // Ann and Bob edit alternately: they are working together, so it is one entry naming both.
    const entries = groupHistory([v(0, ["ann"]), v(1, ["bob"], "goals"), v(2, ["ann"]), v(3, ["bob"], "goals")], []);
    expect(entries).toHaveLength(1);
    expect(bursts(entries)[0]).toMatchObject({ authorIds: ["ann", "bob"], versions: 4 });
  });

  it("someone taking over after the others stopped is a new entry", () => {
    seq = 0;
    const entries = groupHistory([v(0, ["ann"]), v(2, ["ann"]), v(4, ["bob"]), v(5, ["bob"])], []);
    expect(bursts(entries).map((b) => b.authorIds)).toEqual([["bob"], ["ann"]]);
  });

  it("a merged collaborative version brings all its authors", () => {
    seq = 0;
    const entries = groupHistory([v(0, ["ann"]), v(1, ["ann", "cat"], "context", { kind: "COLLAB" })], []);
    expect(bursts(entries)[0]!.authorIds).toEqual(["ann", "cat"]);
  });

  it("review events split bursts and sit between them, newest first", () => {
    seq = 0;
    const versions = [v(0, ["ann"]), v(1, ["ann"])];
    const approved: EventRow = { kind: "approved", at: min(2), actorId: "rev", seq: 2, subjectId: "rev" };
    versions.push(v(3, ["ann"]));
    const entries = groupHistory(versions, [approved]);
    expect(entries.map((e) => (e.type === "burst" ? `burst ${e.fromSeq}-${e.toSeq}` : e.kind))).toEqual([
      "burst 3-3",
      "approved",
      "burst 1-2",
    ]);
  });

  it("annotation versions (comment anchors) are not edits", () => {
    seq = 0;
    const entries = groupHistory([v(0, ["ann"]), v(1, ["bob"], "context", { kind: "ANNOTATION" })], []);
    expect(entries).toHaveLength(1);
    expect(bursts(entries)[0]!.authorIds).toEqual(["ann"]);
  });

  it("a whole-doc restore is one entry of its own", () => {
    seq = 0;
    const restore = { kind: "RESTORE" as const, restoredFromSeq: 1 };
    const entries = groupHistory(
      [v(0, ["ann"]), v(1, ["ann"], "context", restore), v(1, ["ann"], "goals", restore), v(2, ["ann"])],
      [],
    );
    expect(bursts(entries).map((b) => [b.kinds, b.versions])).toEqual([
      [["EDIT"], 1],
      [["RESTORE"], 2],
      [["EDIT"], 1],
    ]);
    expect(bursts(entries)[1]!.restoredFromSeq).toBe(1);
  });

  it("events after the last version come first", () => {
    seq = 0;
    const named: EventRow = { kind: "named_version", at: min(5), actorId: "ann", seq: 1, label: "v1.0" };
    const entries = groupHistory([v(0, ["ann"])], [named]);
    expect(entries[0]).toMatchObject({ type: "event", kind: "named_version", label: "v1.0" });
  });
});
