import "server-only";
import type { Tx } from "@/lib/db";
import { isEmptyDoc } from "@/lib/editor/validate";
import { diffWords } from "@/lib/editor/word-diff";
import type { JSONContent } from "@tiptap/core";
import { reviewedHash } from "./content";
import type { SectionDiffDTO } from "./dto";

export type LoadedSection = { id: string; key: string; title: string; version: number; content: unknown; text: string };

/** What the reviewer had loaded: section versions (the page), a point in history (the API), or only a revision. */
export type Loaded = { revision: number; sectionVersions?: Record<string, number>; seq?: number };

/**
 * The covered sections whose reviewed content changed since the reviewer loaded the doc
 * (their hash differs from the version they had; comment anchors and edits elsewhere are no
 * change), each with a word diff from what they read. A caller who names only the doc
 * revision gets the old rule: any change of the doc since then counts.
 */
export async function coveredChangesSince(
  tx: Tx,
  docId: string,
  covered: readonly LoadedSection[],
  loaded: Loaded,
  currentRevision: number,
): Promise<SectionDiffDTO[] | null> {
  if (!loaded.sectionVersions && loaded.seq === undefined) return loaded.revision === currentRevision ? [] : null;
  const sv = loaded.sectionVersions;
  const moved = sv ? covered.filter((s) => sv[s.key] !== s.version) : covered;
  if (moved.length === 0) return [];
  const ids = moved.map((s) => s.id);
  const then = sv
    ? await tx.$queryRaw<{ sectionId: string; content: unknown; text: string }[]>`
        SELECT DISTINCT ON ("sectionId") "sectionId", content, text FROM "SectionVersion"
        WHERE "documentId" = ${docId} AND "sectionId" = ANY(${ids}::text[])
          AND version = (${JSON.stringify(sv)}::jsonb ->> "sectionKey")::int
        ORDER BY "sectionId", seq DESC`
    : await tx.$queryRaw<{ sectionId: string; content: unknown; text: string }[]>`
        SELECT DISTINCT ON ("sectionId") "sectionId", content, text FROM "SectionVersion"
        WHERE "documentId" = ${docId} AND "sectionId" = ANY(${ids}::text[]) AND seq <= ${BigInt(loaded.seq!)}
        ORDER BY "sectionId", seq DESC`;
  const byId = new Map(then.map((t) => [t.sectionId, t]));
  const changes: SectionDiffDTO[] = [];
  for (const s of moved) {
    const before = byId.get(s.id);
    const same = before
      ? reviewedHash(before.content) === reviewedHash(s.content)
      : isEmptyDoc(s.content as JSONContent);
    if (same) continue;
    changes.push({
      key: s.key,
      title: s.title,
      before: before?.text ?? null,
      after: s.text,
      parts: diffWords(before?.text ?? "", s.text),
    });
  }
  return changes;
}
