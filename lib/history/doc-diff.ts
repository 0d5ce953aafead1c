import { countWords, diffBlocks, type BlockDiff } from "./rich-diff";

/** One section of a doc at a point in history (`hash` = the version's content hash, when known). */
export type SectionAtPoint = { key: string; title: string; order: number; content: unknown; hash?: string };

export type SectionDiff = {
  key: string;
  title: string;
  /** The title at the earlier point when it was different (a renamed section). */
  beforeTitle: string | null;
  status: "added" | "removed" | "changed" | "unchanged";
  blocks: BlockDiff[];
  words: { added: number; removed: number };
};

const NO_WORDS = { added: 0, removed: 0 };

function diffSection(before: SectionAtPoint | undefined, after: SectionAtPoint | undefined): SectionDiff {
  const s = (after ?? before)!;
  const beforeTitle = before && after && before.title !== after.title ? before.title : null;
  const unchangedContent = !!before && !!after && !!before.hash && before.hash === after.hash;
  const blocks = unchangedContent
    ? []
    : diffBlocks(before?.content ?? { type: "doc", content: [] }, after?.content ?? { type: "doc", content: [] });
  const status = !before ? "added" : !after ? "removed" : blocks.length || beforeTitle ? "changed" : "unchanged";
  return {
    key: s.key,
    title: s.title,
    beforeTitle,
    status,
    blocks: status === "unchanged" ? [] : blocks,
    words: blocks.length ? countWords(blocks) : NO_WORDS,
  };
}

/**
 * Per-section diff of a doc between two points: every section of the later point in
 * its order, with a section that no longer exists shown where it used to be (after the
 * section that preceded it then). Unchanged sections are listed with no blocks, for the
 * page to collapse. Sections with equal hashes are not diffed at all.
 */
export function diffPoints(before: readonly SectionAtPoint[], after: readonly SectionAtPoint[]): SectionDiff[] {
  const byOrder = (a: SectionAtPoint, b: SectionAtPoint) => a.order - b.order;
  const old = [...before].sort(byOrder);
  const now = [...after].sort(byOrder);
  const oldByKey = new Map(old.map((s) => [s.key, s]));
  const nowKeys = new Set(now.map((s) => s.key));
  // Removed sections, keyed by the key of the section that preceded them at the earlier point ("" = the top).
  const removedAfter = new Map<string, SectionAtPoint[]>();
  let prev = "";
  for (const s of old) {
    if (nowKeys.has(s.key)) prev = s.key;
    else removedAfter.set(prev, [...(removedAfter.get(prev) ?? []), s]);
  }
  const out: SectionDiff[] = [];
  for (const s of removedAfter.get("") ?? []) out.push(diffSection(s, undefined));
  for (const s of now) {
    out.push(diffSection(oldByKey.get(s.key), s));
    for (const r of removedAfter.get(s.key) ?? []) out.push(diffSection(r, undefined));
  }
  return out;
}
