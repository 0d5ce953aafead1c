import { diffWords, hasChanges, type DiffPart } from "@/lib/editor/word-diff";
import { toBlocks, type Block } from "./blocks";
import { lcsMatches } from "@/lib/lcs";

/**
 * Rich diff of two Tiptap docs, as a reader reviews it: blocks aligned (longest common
 * subsequence over each block's identity), a changed block shown with its inserted and
 * deleted words inside it, a changed table cell by cell, and long runs of unchanged
 * blocks collapsed. Pure; the history API and pages send its result as it is.
 */
export type RowDiff = { op: "same" | "added" | "removed"; cells: string[] } | { op: "changed"; cells: DiffPart[][] };

export type BlockDiff =
  | { op: "same" | "added" | "removed"; block: Block }
  | { op: "changed"; before: Block; after: Block; parts: DiffPart[]; formatOnly: boolean }
  | { op: "table"; before: Block; after: Block; rows: RowDiff[] }
  | { op: "skip"; count: number };

/** Unchanged blocks kept around a change for context; longer unchanged runs collapse to a "skip". */
export const CONTEXT_BLOCKS = 1;
/** Beyond this many alignment cells, the middle is shown as removed and added whole. */
const MAX_ALIGN_CELLS = 4_000_000;

type Op<T> = { op: "same"; a: T; b: T } | { op: "removed"; a: T } | { op: "added"; b: T };

/** LCS alignment of two sequences by key, common ends trimmed first (edits are local). */
export function align<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): Op<T>[] {
  const kb = b.map(key);
  const match = lcsMatches(a.map(key), kb, MAX_ALIGN_CELLS);
  const ops: Op<T>[] = [];
  let j = 0;
  a.forEach((item, i) => {
    const k = match[i]!;
    if (k < 0) return void ops.push({ op: "removed", a: item });
    while (j < k) ops.push({ op: "added", b: b[j++]! });
    ops.push({ op: "same", a: item, b: b[k]! });
    j = k + 1;
  });
  while (j < b.length) ops.push({ op: "added", b: b[j++]! });
  return ops;
}

function sameShape(a: Block, b: Block): boolean {
  return a.kind === b.kind && a.depth === b.depth && a.quote === b.quote;
}

function diffTable(before: Block, after: Block): RowDiff[] {
  const rowsA = before.cells ?? [];
  const rowsB = after.cells ?? [];
  const rows: RowDiff[] = [];
  for (const run of pairRuns(
    align(rowsA, rowsB, (r) => r.join("\t")),
    () => true,
  )) {
    if (run.op === "same") rows.push({ op: "same", cells: run.a });
    else if (run.op === "pair") {
      const width = Math.max(run.a.length, run.b.length);
      const cells: DiffPart[][] = [];
      for (let c = 0; c < width; c++) cells.push(diffWords(run.a[c] ?? "", run.b[c] ?? ""));
      rows.push({ op: "changed", cells });
    } else if (run.op === "removed") rows.push({ op: "removed", cells: run.a });
    else rows.push({ op: "added", cells: run.b });
  }
  return rows;
}

type Paired<T> = Op<T> | { op: "pair"; a: T; b: T };

/**
 * Within each run of removals and additions between unchanged items, pair a removed
 * item with the next added item of the same shape (in order), so an edited paragraph
 * shows as one paragraph with its words changed rather than as two.
 */
function pairRuns<T>(ops: Op<T>[], matches: (a: T, b: T) => boolean): Paired<T>[] {
  const out: Paired<T>[] = [];
  let i = 0;
  while (i < ops.length) {
    const op = ops[i]!;
    if (op.op === "same") {
      out.push(op);
      i++;
      continue;
    }
    const removed: T[] = [];
    const added: T[] = [];
    while (i < ops.length && ops[i]!.op !== "same") {
      const o = ops[i++]!;
      if (o.op === "removed") removed.push(o.a);
      else if (o.op === "added") added.push(o.b);
    }
    let next = 0;
    for (const a of removed) {
      const at = added.findIndex((b, k) => k >= next && matches(a, b));
      if (at < 0) {
        out.push({ op: "removed", a });
        continue;
      }
      for (; next < at; next++) out.push({ op: "added", b: added[next]! });
      out.push({ op: "pair", a, b: added[at]! });
      next = at + 1;
    }
    for (; next < added.length; next++) out.push({ op: "added", b: added[next]! });
  }
  return out;
}

/** Runs of more than 2 × CONTEXT_BLOCKS unchanged blocks keep their context and collapse the rest. */
function collapse(diffs: BlockDiff[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  let i = 0;
  while (i < diffs.length) {
    if (diffs[i]!.op !== "same") {
      out.push(diffs[i++]!);
      continue;
    }
    let j = i;
    while (j < diffs.length && diffs[j]!.op === "same") j++;
    const keepBefore = i === 0 ? 0 : CONTEXT_BLOCKS;
    const keepAfter = j === diffs.length ? 0 : CONTEXT_BLOCKS;
    if (j - i > keepBefore + keepAfter) {
      out.push(...diffs.slice(i, i + keepBefore));
      out.push({ op: "skip", count: j - i - keepBefore - keepAfter });
      out.push(...diffs.slice(j - keepAfter, j));
    } else out.push(...diffs.slice(i, j));
    i = j;
  }
  return out;
}

/** The block diff of two section docs; empty when nothing a reader sees changed. */
export function diffBlocks(before: unknown, after: unknown): BlockDiff[] {
  const ops = align(toBlocks(before), toBlocks(after), (b) => b.sig);
  if (ops.every((o) => o.op === "same")) return [];
  const diffs: BlockDiff[] = [];
  for (const o of pairRuns(ops, sameShape)) {
    if (o.op === "same") diffs.push({ op: "same", block: o.b });
    else if (o.op === "removed") diffs.push({ op: "removed", block: o.a });
    else if (o.op === "added") diffs.push({ op: "added", block: o.b });
    else if (o.a.kind === "table") diffs.push({ op: "table", before: o.a, after: o.b, rows: diffTable(o.a, o.b) });
    else {
      const parts = diffWords(o.a.text, o.b.text);
      diffs.push({ op: "changed", before: o.a, after: o.b, parts, formatOnly: !hasChanges(parts) });
    }
  }
  return collapse(diffs);
}

/** Words added and removed, for the summary line of a section ("+12 −3 words"). */
export function countWords(diffs: readonly BlockDiff[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const parts = (ps: readonly DiffPart[]) => {
    for (const p of ps) {
      if (p.kind === "added") added += words(p.text);
      else if (p.kind === "removed") removed += words(p.text);
    }
  };
  for (const d of diffs) {
    if (d.op === "added") added += words(d.block.text);
    else if (d.op === "removed") removed += words(d.block.text);
    else if (d.op === "changed") parts(d.parts);
    else if (d.op === "table") {
      for (const r of d.rows) {
        if (r.op === "changed") r.cells.forEach(parts);
        else if (r.op === "added") added += words(r.cells.join(" "));
        else if (r.op === "removed") removed += words(r.cells.join(" "));
      }
    }
  }
  return { added, removed };
}
