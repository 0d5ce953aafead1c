import "server-only";
import { Prisma, type SectionVersionKind } from "@/lib/db";
import type { Derived } from "./derive";
import type { LockedSection } from "./rows";
import type { CommitSql } from "./sql";

/** Stamps are UTC in timestamp(3) columns, as Prisma writes them, whatever the session's time zone. */
export const utcSql = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * The section, its new SectionVersion and the doc's stamps in ONE statement (the hot write path;
 * bench/pipeline-save.mjs compares it with raw pg); the content goes over the wire once. An
 * annotation moves the doc's headSeq only: it is not an edit in the "Last updated" stamps or the revision.
 */
export async function writeSectionVersion(
  sql: CommitSql,
  w: {
    docId: string;
    section: LockedSection;
    kind: SectionVersionKind;
    derived: Derived;
    actorId: string | null;
    authorIds: string[];
    restoredFromSeq: bigint | null;
    at: Date;
  },
): Promise<{ version: number; seq: bigint; revision: number | null }> {
  const at = utcSql(w.at);
  const edit = w.kind !== "ANNOTATION";
  if (edit && !w.actorId) throw new Error("an edit needs an author");
  const json = JSON.stringify(w.derived.content);
  const sectionStamps = edit ? Prisma.sql`, "updatedAt" = ${at}, "updatedById" = ${w.actorId}` : Prisma.empty;
  const docStamps = edit
    ? Prisma.sql`revision = revision + 1, "updatedAt" = ${at}, "updatedById" = ${w.actorId},`
    : Prisma.empty;
  const [row] = await sql.query<{ version: number; seq: string; revision: number }>(Prisma.sql`
    WITH s AS (
      UPDATE "Section" SET content = ${json}::jsonb, text = ${w.derived.text}, html = ${w.derived.html},
        "contentHash" = ${w.derived.contentHash}, version = version + 1 ${sectionStamps}
      WHERE id = ${w.section.id} RETURNING id, key, title, "order", version, content, text),
    v AS (
      INSERT INTO "SectionVersion" ("documentId", "sectionId", "sectionKey", title, "order", version, kind, content,
        text, "contentHash", "authorId", "authorIds", "restoredFromSeq", "createdAt")
      SELECT ${w.docId}, s.id, s.key, s.title, s."order", s.version, ${w.kind}::"SectionVersionKind", s.content,
        s.text, ${w.derived.contentHash}, ${w.actorId}, ${w.authorIds}::text[], ${w.restoredFromSeq}::bigint,
        ${at}
      FROM s RETURNING seq),
    d AS (
      UPDATE "Document" SET ${docStamps} "headSeq" = (SELECT seq FROM v)
      WHERE id = ${w.docId} RETURNING revision)
    SELECT s.version, v.seq::text AS seq, d.revision FROM s, v, d`);
  if (!row) throw new Error(`section ${w.section.id} or document ${w.docId} vanished inside its transaction`);
  return { version: row.version, seq: BigInt(row.seq), revision: edit ? row.revision : null };
}
