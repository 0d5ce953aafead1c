import "server-only";
import type { JSONContent } from "@tiptap/core";
import { db, Prisma } from "@/lib/db";
import { plainQuery } from "@/lib/db/sql";
import { canonicalJson } from "@/lib/docs/canonical-json";
import { commitSectionContent, isUnmergedOutsideWrite } from "@/lib/docs/content";
import { isAppError } from "@/lib/errors";

/** A section as the live doc needs it: the stored content is the record the Y.Doc is checked against. */
export type StoredSection = { key: string; content: unknown; version: number };

/**
 * The doc's stored Yjs state and its sections, each with whether a live doc wrote its current version. One
 * statement on a plain connection: a process that restarts loads every open doc at once, and Prisma reads a
 * bytea byte by byte on the event loop the relay shares (lib/db/sql.ts).
 */
export async function loadLiveDoc(
  docId: string,
): Promise<{ state: Uint8Array | null; sections: (StoredSection & { fromLiveDoc: boolean })[] }> {
  const [row] = await plainQuery<{ state: Buffer | null; sections: (StoredSection & { fromLiveDoc: boolean })[] }>(
    Prisma.sql`
      SELECT (SELECT c.state FROM "CollabState" c WHERE c."documentId" = ${docId}) AS state,
        coalesce((SELECT json_agg(json_build_object('key', s.key, 'content', s.content, 'version', s.version,
          -- The newest row of a section is its current version: found first walking (sectionId, seq) back.
          'fromLiveDoc', coalesce((SELECT v.kind = 'COLLAB' FROM "SectionVersion" v
            WHERE v."sectionId" = s.id AND v.version = s.version ORDER BY v.seq DESC LIMIT 1), false))
          ORDER BY s."order")
          FROM "Section" s WHERE s."documentId" = ${docId}), '[]'::json) AS sections`,
  );
  return { state: row?.state ? new Uint8Array(row.state) : null, sections: row?.sections ?? [] };
}

/**
 * A section as stored, whether its current version was written by a live doc (this process or another), and the
 * content of version `since` (what the live doc last held as stored: the base an outside write is merged against).
 */
export async function loadSection(
  docId: string,
  key: string,
  since?: number,
): Promise<(StoredSection & { fromLiveDoc: boolean; sinceContent: unknown }) | null> {
  const section = await db.section.findUnique({
    where: { documentId_key: { documentId: docId, key } },
    select: { id: true, key: true, content: true, version: true },
  });
  if (!section) return null;
  const versions = await db.sectionVersion.findMany({
    where: {
      sectionId: section.id,
      version: { in: since === undefined ? [section.version] : [section.version, since] },
    },
    select: { kind: true, version: true, content: true },
    orderBy: { seq: "desc" },
  });
  const written = versions.find((v) => v.version === section.version);
  return {
    key: section.key,
    content: section.content,
    version: section.version,
    fromLiveDoc: written?.kind === "COLLAB",
    sinceContent: since === undefined ? null : (versions.find((v) => v.version === since)?.content ?? null),
  };
}

/**
 * One statement on a plain connection: Prisma's query compiler reads every byte of a bytea on the event loop the
 * relay shares (lib/db/sql.ts), and an upsert was more than one statement. A deleted doc fails its foreign key.
 */
export async function storeState(docId: string, state: Uint8Array): Promise<void> {
  const bytes = Buffer.from(state.buffer, state.byteOffset, state.byteLength);
  await plainQuery(Prisma.sql`
    INSERT INTO "CollabState" ("documentId", state, "updatedAt") VALUES (${docId}, ${bytes}, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("documentId") DO UPDATE SET state = EXCLUDED.state, "updatedAt" = EXCLUDED."updatedAt"`);
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
      emptinessChanged?: boolean;
    }
  | { key: string; error: string; unmerged?: boolean; refused?: boolean };

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
  known?: number,
): Promise<CommitResult> {
  // Changes that reached this process from another one (Redis) carry no author here: the section's last editor.
  const ids = authorIds.length ? authorIds : await lastEditor(docId, key);
  const found = await plainQuery<{ id: string; name: string }>(
    Prisma.sql`SELECT id, name FROM "User" WHERE id = ANY(${ids}::text[])`,
  );
  // The first who typed (and still exists) is the version's author, the others its co-authors.
  const authors = ids.flatMap((id) => found.filter((user) => user.id === id));
  if (!authors.length) return { key, error: "no author of these changes still exists" };
  // One who typed and has since lost access to the doc (removed, typing in the seconds before their connection
  // turned read-only) does not stop the others' typing from being stored: the next author who may edit stores it.
  // When nobody may, the store is refused (`refused`): the live doc takes back what it could not store.
  for (const [i, actor] of authors.entries()) {
    try {
      const saved = await commitSectionContent({
        docId,
        sectionKey: key,
        content,
        basis: { kind: "live", known },
        actor,
        source: "collab",
        coAuthorIds: authors.filter((a) => a !== actor).map((a) => a.id),
      });
      return {
        key,
        version: saved.version,
        changed: saved.changed,
        updatedAt: saved.updatedAt.toISOString(),
        updatedBy: saved.updatedBy ?? actor,
        docRevision: saved.docRevision,
        emptinessChanged: saved.emptinessChanged,
      };
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (isUnmergedOutsideWrite(error)) return { key, error: error.message, unmerged: true };
      const lostAccess = error.code === "FORBIDDEN" || error.code === "NOT_FOUND";
      if (lostAccess && i < authors.length - 1) continue;
      // Locked, archived, or nobody who typed may edit: refused for good (the live doc takes it back). Content the
      // pipeline refuses (too large, a remote image where they are off) stays in the live doc to be put right.
      return { key, error: error.message, refused: lostAccess || error.code === "CONFLICT" };
    }
  }
  return { key, error: "no author of these changes may edit the doc", refused: true };
}

async function lastEditor(docId: string, key: string): Promise<string[]> {
  const row = await db.section.findUnique({
    where: { documentId_key: { documentId: docId, key } },
    select: { updatedById: true, document: { select: { authorId: true } } },
  });
  return row ? [row.updatedById ?? row.document.authorId] : [];
}
