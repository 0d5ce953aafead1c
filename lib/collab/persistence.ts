import "server-only";
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { canonicalJson } from "@/lib/docs/canonical-json";
import { commitSectionContent } from "@/lib/docs/content";
import { isAppError } from "@/lib/errors";

/** A section as the live doc needs it: the stored content is the record the Y.Doc is checked against. */
export type StoredSection = { key: string; content: unknown; version: number };

/** The doc's stored Yjs state and its sections, each with whether a live doc wrote its current version. */
export async function loadLiveDoc(
  docId: string,
): Promise<{ state: Uint8Array | null; sections: (StoredSection & { fromLiveDoc: boolean })[] }> {
  const [state, sections] = await Promise.all([
    db.collabState.findUnique({ where: { documentId: docId }, select: { state: true } }),
    db.section.findMany({
      where: { documentId: docId },
      select: { id: true, key: true, content: true, version: true },
      orderBy: { order: "asc" },
    }),
  ]);
  const written = sections.length
    ? await db.sectionVersion.findMany({
        where: { documentId: docId, OR: sections.map((s) => ({ sectionId: s.id, version: s.version })) },
        select: { sectionId: true, version: true, kind: true },
      })
    : [];
  const byLiveDoc = new Set(written.filter((v) => v.kind === "COLLAB").map((v) => `${v.sectionId}:${v.version}`));
  return {
    state: state ? new Uint8Array(state.state) : null,
    sections: sections.map((s) => ({
      key: s.key,
      content: s.content,
      version: s.version,
      fromLiveDoc: byLiveDoc.has(`${s.id}:${s.version}`),
    })),
  };
}

/** A section as stored, and whether its current version was written by a live doc (this process or another). */
export async function loadSection(
  docId: string,
  key: string,
): Promise<(StoredSection & { fromLiveDoc: boolean }) | null> {
  const section = await db.section.findUnique({
    where: { documentId_key: { documentId: docId, key } },
    select: { id: true, key: true, content: true, version: true },
  });
  if (!section) return null;
  const written = await db.sectionVersion.findFirst({
    where: { sectionId: section.id, version: section.version },
    select: { kind: true },
    orderBy: { seq: "desc" },
  });
  return {
    key: section.key,
    content: section.content,
    version: section.version,
    fromLiveDoc: written?.kind === "COLLAB",
  };
}

export async function storeState(docId: string, state: Uint8Array): Promise<void> {
  const bytes = new Uint8Array(state);
  await db.collabState.upsert({
    where: { documentId: docId },
    create: { documentId: docId, state: bytes },
    update: { state: bytes, updatedAt: new Date() },
  });
}

export function sameContent(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export type CommitResult =
  | {
      key: string;
      version: number;
      changed: boolean;
      updatedAt: string;
      updatedBy: { id: string; name: string };
      docRevision?: number;
    }
  | { key: string; error: string };

/**
 * One changed fragment becomes a section version through the content pipeline, with the
 * live doc as the authority (its content is what every open editor shows, outside writes
 * already merged into it) and everyone who typed in it as authors.
 */
export async function commitFragment(
  docId: string,
  key: string,
  content: JSONContent,
  authorIds: string[],
): Promise<CommitResult> {
  // Changes that reached this process from another one (Redis) carry no author here: the section's last editor.
  const ids = authorIds.length ? authorIds : await lastEditor(docId, key);
  const authors = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const actor = authors[0];
  if (!actor) return { key, error: "no author of these changes still exists" };
  try {
    const saved = await commitSectionContent({
      docId,
      sectionKey: key,
      content,
      basis: { kind: "authoritative" },
      actor,
      source: "collab",
      coAuthorIds: authors.slice(1).map((a) => a.id),
    });
    return {
      key,
      version: saved.version,
      changed: saved.changed,
      updatedAt: saved.updatedAt.toISOString(),
      updatedBy: saved.updatedBy ?? actor,
      docRevision: saved.docRevision,
    };
  } catch (error) {
    if (isAppError(error)) return { key, error: error.message };
    throw error;
  }
}

async function lastEditor(docId: string, key: string): Promise<string[]> {
  const row = await db.section.findUnique({
    where: { documentId_key: { documentId: docId, key } },
    select: { updatedById: true, document: { select: { authorId: true } } },
  });
  return row ? [row.updatedById ?? row.document.authorId] : [];
}
