import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { canonicalJson } from "@/lib/docs/canonical-json";
import { getDocSchema } from "@/lib/editor/extensions";
import { lcsMatches } from "@/lib/lcs";

/*
 * A three-way merge of a section's content, for a write made outside the live doc (an API PUT, a saving editor
 * without the live channel, an import, a restore, a comment anchor) while people type in the live doc:
 * `base` is the stored version the live doc last held, `ours` the live doc now (with typing not stored yet),
 * `theirs` the outside write (made on top of `base`). What each side changed is kept; where both changed the same
 * place, both are kept, ours first. Nothing either side wrote is dropped silently.
 *
 * Blocks are aligned by equality (a longest common subsequence against the base); a block both sides changed is
 * merged inside when it is the same kind of node (list items, table cells, down to a paragraph's characters).
 */

/** Past this many comparison cells (~16 MB) a stretch counts as replaced whole (both sides kept). */
const MAX_CELLS = 4_000_000;

const keyOf = (node: JSONContent): string => canonicalJson(node);
const sameNodes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k, i) => k === b[i]);

type Chunk =
  | { stable: true; base: number; ours: number; theirs: number }
  | { stable: false; base: [number, number]; ours: [number, number]; theirs: [number, number] };

/** The stretches where base, ours and theirs agree (stable), and between them the stretches where they may not. */
function diff3(base: readonly string[], ours: readonly string[], theirs: readonly string[]): Chunk[] {
  const toOurs = lcsMatches(base, ours, MAX_CELLS);
  const toTheirs = lcsMatches(base, theirs, MAX_CELLS);
  const chunks: Chunk[] = [];
  let b = 0;
  let o = 0;
  let t = 0;
  for (let i = 0; i < base.length; i++) {
    const oi = toOurs[i]!;
    const ti = toTheirs[i]!;
    if (oi < 0 || ti < 0) continue;
    if (i > b || oi > o || ti > t) chunks.push({ stable: false, base: [b, i], ours: [o, oi], theirs: [t, ti] });
    chunks.push({ stable: true, base: i, ours: oi, theirs: ti });
    b = i + 1;
    o = oi + 1;
    t = ti + 1;
  }
  if (b < base.length || o < ours.length || t < theirs.length)
    chunks.push({ stable: false, base: [b, base.length], ours: [o, ours.length], theirs: [t, theirs.length] });
  return chunks;
}

/**
 * A sequence merged three ways. Blocks: `inner` merges one block both sides changed (null: keep both), and where
 * both changed a stretch, what theirs has that ours or the base has too is not repeated. Characters (`inner`
 * undefined): both sides' stretches are kept whole, ours first.
 */
function mergeSequence<T>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
  inner?: (b: T, o: T, t: T) => T | null,
): T[] {
  const [bk, ok, tk] = [base.map(key), ours.map(key), theirs.map(key)];
  const out: T[] = [];
  for (const chunk of diff3(bk, ok, tk)) {
    if (chunk.stable) {
      out.push(ours[chunk.ours]!);
      continue;
    }
    const slice = <U>(list: readonly U[], [from, to]: [number, number]) => list.slice(from, to);
    const [b, o, t] = [slice(bk, chunk.base), slice(ok, chunk.ours), slice(tk, chunk.theirs)];
    const oursPart = slice(ours, chunk.ours);
    const theirsPart = slice(theirs, chunk.theirs);
    if (sameNodes(o, b)) out.push(...theirsPart);
    else if (sameNodes(t, b) || sameNodes(o, t)) out.push(...oursPart);
    else if (inner && b.length === o.length && b.length === t.length) {
      // The same number of items on each side (each changed in place): merged item by item.
      const baseSlice = slice(base, chunk.base);
      for (let i = 0; i < b.length; i++) {
        const merged = inner(baseSlice[i]!, oursPart[i]!, theirsPart[i]!);
        if (merged) out.push(merged);
        else out.push(oursPart[i]!, ...(t[i] === b[i] ? [] : [theirsPart[i]!]));
      }
    } else if (inner) {
      // Both changed this stretch differently. Ours, less the base's blocks it left as they were and theirs took
      // out (or changed), then what theirs added that is neither ours nor the base's.
      const [inBase, inTheirs, known] = [new Set(b), new Set(t), new Set([...o, ...b])];
      out.push(
        ...oursPart.filter((_, i) => !inBase.has(o[i]!) || inTheirs.has(o[i]!)),
        ...theirsPart.filter((_, i) => !known.has(t[i]!)),
      );
    } else out.push(...oursPart, ...theirsPart);
  }
  return out;
}

/** One unit of a text block's content: a character with its marks, or an inline node (a mention, a line break). */
type Unit = { key: string; text?: string; marks?: JSONContent["marks"]; node?: JSONContent };

function unitsOf(content: readonly JSONContent[] | undefined): Unit[] {
  const units: Unit[] = [];
  for (const node of content ?? []) {
    if (node.type !== "text" || typeof node.text !== "string") {
      units.push({ key: `\u0001${keyOf(node)}`, node });
      continue;
    }
    const marks = node.marks?.length ? node.marks : undefined;
    const markKey = marks ? canonicalJson(marks) : "";
    for (const ch of node.text) units.push({ key: `${ch}\u0000${markKey}`, text: ch, marks });
  }
  return units;
}

function contentOf(units: readonly Unit[]): JSONContent[] {
  const out: JSONContent[] = [];
  let run: { text: string; marks: JSONContent["marks"]; markKey: string } | null = null;
  const flush = () => {
    if (run)
      out.push(run.marks ? { type: "text", text: run.text, marks: run.marks } : { type: "text", text: run.text });
    run = null;
  };
  for (const unit of units) {
    if (unit.node) {
      flush();
      out.push(unit.node);
      continue;
    }
    const markKey = unit.key.slice(unit.key.indexOf("\u0000") + 1);
    if (run && run.markKey === markKey) run.text += unit.text;
    else {
      flush();
      run = { text: unit.text ?? "", marks: unit.marks, markKey };
    }
  }
  flush();
  return out;
}

/** One node both sides changed, merged inside when it is the same kind on all three; null when it cannot be. */
function mergeNode(base: JSONContent, ours: JSONContent, theirs: JSONContent): JSONContent | null {
  const [b, o, t] = [keyOf(base), keyOf(ours), keyOf(theirs)];
  if (o === b || o === t) return theirs;
  if (t === b) return ours;
  if (base.type !== ours.type || base.type !== theirs.type || !base.type || base.type === "text") return null;
  const type = getDocSchema().nodes[base.type];
  if (!type || type.isLeaf) return null;
  const attrsChanged = (x: JSONContent) => canonicalJson(x.attrs ?? {}) !== canonicalJson(base.attrs ?? {});
  const attrs = attrsChanged(ours) ? ours.attrs : theirs.attrs;
  const content = type.inlineContent
    ? contentOf(mergeSequence(unitsOf(base.content), unitsOf(ours.content), unitsOf(theirs.content), (u) => u.key))
    : mergeSequence(base.content ?? [], ours.content ?? [], theirs.content ?? [], keyOf, mergeNode);
  const merged: JSONContent = { type: base.type };
  if (attrs) merged.attrs = attrs;
  if (ours.marks) merged.marks = ours.marks;
  if (content.length) merged.content = content;
  return merged;
}

/**
 * `theirs` merged into `ours` against `base` (all three whole docs of one section, normalised). The result fits the
 * schema: where merging inside a node would break it, the doc is merged block by block instead, keeping both.
 */
export function mergeSectionContent(base: JSONContent, ours: JSONContent, theirs: JSONContent): JSONContent {
  const schema = getDocSchema();
  const fits = (doc: JSONContent | null): doc is JSONContent => {
    if (!doc) return false;
    try {
      Node.fromJSON(schema, doc).check();
      return true;
    } catch {
      return false;
    }
  };
  const deep = mergeNode(base, ours, theirs);
  if (fits(deep)) return deep;
  const byBlock: JSONContent = {
    type: "doc",
    content: mergeSequence(base.content ?? [], ours.content ?? [], theirs.content ?? [], keyOf, () => null),
  };
  return fits(byBlock) ? byBlock : ours;
}
