import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { diffPoints } from "./doc-diff";
import { diffBlocks, type BlockDiff } from "./rich-diff";

const t = (text: string, marks?: JSONContent["marks"]): JSONContent =>
  marks ? { type: "text", text, marks } : { type: "text", text };
const p = (text: string): JSONContent => ({ type: "paragraph", content: [t(text)] });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const li = (text: string, ...nested: JSONContent[]): JSONContent => ({
  type: "listItem",
  content: [p(text), ...nested],
});
const ul = (...items: JSONContent[]): JSONContent => ({ type: "bulletList", content: items });
const row = (...cells: string[]): JSONContent => ({
  type: "tableRow",
  content: cells.map((c) => ({ type: "tableCell", content: [p(c)] })),
});
const table = (...rows: JSONContent[]): JSONContent => ({ type: "table", content: rows });
const code = (text: string): JSONContent => ({ type: "codeBlock", attrs: { language: "ts" }, content: [t(text)] });

/** A compact picture of a diff: one line per block. */
function show(diffs: BlockDiff[]): string[] {
  return diffs.map((d) => {
    if (d.op === "skip") return `… ${d.count} unchanged`;
    if (d.op === "same" || d.op === "added" || d.op === "removed") return `${d.op} ${d.block.kind}: ${d.block.text}`;
    if (d.op === "table") return `table: ${d.rows.map((r) => r.op).join(",")}`;
    if (d.op !== "changed") return "?";
    const words = d.parts.map((x) =>
      x.kind === "same" ? x.text : x.kind === "added" ? `{+${x.text}}` : `{-${x.text}}`,
    );
    return `changed ${d.after.kind}: ${words.join("")}`;
  });
}

describe("diffBlocks", () => {
  it("marks the inserted and deleted words inside an edited paragraph", () => {
    const before = doc(p("We cache per page."), p("Reads go to the primary."));
    const after = doc(p("We cache per section."), p("Reads go to the primary."));
    expect(show(diffBlocks(before, after))).toEqual([
      "changed paragraph: We cache per {-page.}{+section.}",
      "same paragraph: Reads go to the primary.",
    ]);
  });

  it("is empty when nothing changed, comment anchors included", () => {
    const withComment = doc({
      type: "paragraph",
      content: [t("We cache "), t("per page", [{ type: "comment", attrs: { threadId: "x" } }])],
    });
    expect(diffBlocks(doc(p("We cache per page")), withComment)).toEqual([]);
  });

  it("shows a formatting-only change as a changed block with no word changes", () => {
    const bold = doc({ type: "paragraph", content: [t("We cache "), t("per page", [{ type: "bold" }])] });
    const [d] = diffBlocks(doc(p("We cache per page")), bold);
    expect(d).toMatchObject({ op: "changed", formatOnly: true });
  });

  it("diffs list items one by one, nested items included", () => {
    const before = doc(ul(li("Redis", ul(li("one node"))), li("Postgres")));
    const after = doc(ul(li("Redis", ul(li("three nodes"))), li("Postgres"), li("S3")));
    const diffs = diffBlocks(before, after);
    expect(show(diffs)).toEqual([
      "same bullet: Redis",
      "changed bullet: {-one}{+three} {-node}{+nodes}",
      "same bullet: Postgres",
      "added bullet: S3",
    ]);
    expect(diffs[1]).toMatchObject({ after: { depth: 1 } });
  });

  it("diffs a table cell by cell, with added rows", () => {
    const before = doc(table(row("Store", "Why"), row("Postgres", "one store")));
    const after = doc(table(row("Store", "Why"), row("Postgres", "one store, embedded"), row("Redis", "pub/sub")));
    const d = diffBlocks(before, after)[0]!;
    expect(d.op).toBe("table");
    if (d.op !== "table") return;
    expect(d.rows.map((r) => r.op)).toEqual(["same", "changed", "added"]);
    expect(d.rows[1]).toEqual({
      op: "changed",
      cells: [
        [{ kind: "same", text: "Postgres" }],
        [
          { kind: "same", text: "one " },
          { kind: "removed", text: "store" },
          { kind: "added", text: "store, embedded" },
        ],
      ],
    });
  });

  it("diffs inside code blocks, keeping the lines", () => {
    const [d] = diffBlocks(doc(code("const a = 1;\nconst b = 2;")), doc(code("const a = 1;\nconst b = 3;")));
    expect(show([d!])).toEqual(["changed code: const a = 1;\nconst b = {-2;}{+3;}"]);
  });

  it("collapses long runs of unchanged blocks around a change", () => {
    const many = Array.from({ length: 8 }, (_, i) => p(`Paragraph ${i}`));
    const after = [...many];
    after[4] = p("Paragraph four");
    expect(show(diffBlocks(doc(...many), doc(...after)))).toEqual([
      "… 3 unchanged",
      "same paragraph: Paragraph 3",
      "changed paragraph: Paragraph {-4}{+four}",
      "same paragraph: Paragraph 5",
      "… 2 unchanged",
    ]);
  });

  it("shows a removed heading and an added image", () => {
    const h = { type: "heading", attrs: { level: 3 }, content: [t("Old")] };
    const img = { type: "image", attrs: { src: "/media/x", alt: "Diagram" } };
    expect(show(diffBlocks(doc(h, p("x")), doc(p("x"), img)))).toEqual([
      "removed heading: Old",
      "same paragraph: x",
      "added image: Diagram",
    ]);
  });
});

describe("diffPoints", () => {
  const s = (key: string, order: number, text: string, hash = text) => ({
    key,
    title: key,
    order,
    content: doc(p(text)),
    hash,
  });

  it("lists every section in order, unchanged ones without blocks, removed ones where they were", () => {
    const before = [s("context", 0, "a"), s("old", 1, "gone"), s("goals", 2, "b")];
    const after = [s("context", 0, "a"), s("goals", 1, "b2"), s("extra", 2, "new")];
    const diff = diffPoints(before, after);
    expect(diff.map((d) => `${d.key}:${d.status}`)).toEqual([
      "context:unchanged",
      "old:removed",
      "goals:changed",
      "extra:added",
    ]);
    expect(diff[0]!.blocks).toEqual([]);
    expect(diff[2]!.words).toEqual({ added: 1, removed: 1 });
  });

  it("does not diff sections whose hashes are equal", () => {
    // Same hash, different content: trusted as unchanged (the hash is of the stored content).
    const diff = diffPoints([s("a", 0, "x", "h1")], [s("a", 0, "y", "h1")]);
    expect(diff[0]!.status).toBe("unchanged");
  });

  it("names a renamed section's old title", () => {
    const diff = diffPoints(
      [{ ...s("extra-1", 0, "a"), title: "Risks" }],
      [{ ...s("extra-1", 0, "a"), title: "Risk" }],
    );
    expect(diff[0]).toMatchObject({ status: "changed", beforeTitle: "Risks", title: "Risk" });
  });
});
