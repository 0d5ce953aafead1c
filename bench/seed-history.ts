/**
 * History seeding through the content pipeline's own write (commitSectionContent), for the
 * history benches: `versions` saves spread over the doc's sections, round robin, each a
 * fresh ~`sectionBytes` section (a deterministic design-doc body with a marker), by
 * `authors` in turn, `minutesApart` apart in their stamps (bursts and gaps for grouping).
 *
 *   import { seedHistory } from "../bench/seed-history.ts"
 *   await seedHistory({ docId, authors: [actorA, actorB], versions: 10_000 })
 */
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { commitSectionContent } from "@/lib/docs/content";
import { sectionContent } from "./lib/content.mjs";

export type SeedHistoryOptions = {
  docId: string;
  authors: Actor[];
  versions: number;
  sectionBytes?: number;
  /** Only these sections (default: all of the doc's). */
  sectionKeys?: string[];
  /** Moves each version's createdAt this far apart, oldest first (default 0: now). */
  minutesApart?: number;
  onProgress?: (done: number) => void;
};

export async function seedHistory(opts: SeedHistoryOptions): Promise<{ firstSeq: bigint; lastSeq: bigint }> {
  const sections = await db.section.findMany({
    where: { documentId: opts.docId, ...(opts.sectionKeys && { key: { in: opts.sectionKeys } }) },
    orderBy: { order: "asc" },
    select: { key: true, version: true },
  });
  if (sections.length === 0) throw new Error(`doc ${opts.docId} has no sections to seed`);
  const version = new Map(sections.map((s) => [s.key, s.version]));
  let firstSeq: bigint | null = null;
  let lastSeq = 0n;
  for (let i = 0; i < opts.versions; i++) {
    const key = sections[i % sections.length]!.key;
    const content = sectionContent({
      seed: `${key}-${Math.floor(i / sections.length) % 7}`,
      marker: `v${i}`,
      targetBytes: opts.sectionBytes ?? 4 * 1024,
    }) as JSONContent;
    const saved = await commitSectionContent({
      docId: opts.docId,
      sectionKey: key,
      content,
      basis: { kind: "version", version: version.get(key)! },
      actor: opts.authors[i % opts.authors.length]!,
      source: "editor",
    });
    version.set(key, saved.version);
    if (saved.seq !== null) {
      firstSeq ??= saved.seq;
      lastSeq = saved.seq;
    }
    if (opts.onProgress && (i + 1) % 500 === 0) opts.onProgress(i + 1);
  }
  if (opts.minutesApart && firstSeq !== null) {
    // Spread the stamps back in time: the newest is now, each older one `minutesApart` earlier.
    await db.$executeRaw`
      UPDATE "SectionVersion"
      SET "createdAt" = now() - make_interval(mins => (${lastSeq} - seq)::int * ${opts.minutesApart})
      WHERE "documentId" = ${opts.docId} AND seq BETWEEN ${firstSeq} AND ${lastSeq}`;
  }
  return { firstSeq: firstSeq ?? 0n, lastSeq };
}
