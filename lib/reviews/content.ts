import "server-only";
import { createHash } from "node:crypto";
import { diffWords } from "@/lib/editor/word-diff";
import { canonicalJson } from "@/lib/docs/canonical-json";
import { withoutCommentMarks } from "@/lib/comments/anchors";
import type { SectionDiffDTO } from "./dto";

export type SectionContent = { key: string; title: string; version: number; content: unknown; text: string };
export type Snapshot = Record<string, { version: number; content: unknown; text: string }>;

/** The sections a verdict covers: the chosen keys, or every section when none are chosen. */
export function coveredSections<S extends { key: string }>(sections: readonly S[], keys: readonly string[]): S[] {
  return keys.length === 0 ? [...sections] : sections.filter((s) => keys.includes(s.key));
}

/**
 * What a verdict is bound to: a snapshot of the covered sections and the SHA-256 of
 * the canonical JSON of their content ({ key: content }, keys sorted), so the same
 * content always hashes the same whatever jsonb did to key order.
 */
export function bindContent(sections: readonly SectionContent[]): { snapshot: Snapshot; contentHash: string } {
  const snapshot: Snapshot = {};
  const contents: Record<string, unknown> = {};
  for (const s of sections) {
    snapshot[s.key] = { version: s.version, content: s.content, text: s.text };
    // Comment anchors are annotations, not reviewed content: adding one does not change the hash.
    contents[s.key] = withoutCommentMarks(s.content);
  }
  return { snapshot, contentHash: createHash("sha256").update(canonicalJson(contents)).digest("hex") };
}

/**
 * SHA-256 of one section's reviewed content: its canonical JSON without comment marks (an anchor is an
 * annotation, not a change). An approval counts exactly while these equal the approved ones.
 */
export function reviewedHash(content: unknown): string {
  return createHash("sha256")
    .update(canonicalJson(withoutCommentMarks(content)))
    .digest("hex");
}

/** Per-section word diff between a snapshot and the sections now; unchanged sections are left out. */
export function diffSinceSnapshot(snapshot: Snapshot, now: readonly SectionContent[]): SectionDiffDTO[] {
  const diffs: SectionDiffDTO[] = [];
  for (const s of now) {
    const then = snapshot[s.key];
    if (!then || then.version === s.version || reviewedHash(then.content) === reviewedHash(s.content)) continue;
    diffs.push({ key: s.key, title: s.title, before: then.text, after: s.text, parts: diffWords(then.text, s.text) });
  }
  return diffs;
}
