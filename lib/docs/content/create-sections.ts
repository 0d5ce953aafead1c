import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Prisma, Tx } from "@/lib/db";
import { emptyDoc } from "@/lib/editor/validate";
import { contentHash } from "./derive";
import { utcSql } from "./write";

export type NewSection = {
  key: string;
  title: string;
  extra?: boolean;
  guidance?: string;
  outline?: Prisma.InputJsonValue;
  required?: boolean;
  /** Validated content with its text and HTML (an import), or none for an empty section. */
  content?: { doc: JSONContent; text: string; html: string } | null;
};

/**
 * The sections of a new doc (from its template, or an import), each with its first
 * SectionVersion (CREATE, or IMPORT for imported content), and the doc's headSeq, in
 * the caller's transaction. Two statements whatever the number of sections (a nested
 * create of ~100 sections broke the foreign key in Prisma 6.19).
 * INVARIANT: content arrives validated (parseSectionContent or lib/markdown/ready.ts).
 */
export async function createDocSections(
  tx: Tx,
  input: { docId: string; actorId: string; sections: readonly NewSection[] },
): Promise<void> {
  const empty = emptyDoc();
  const emptyHash = contentHash(empty);
  const at = new Date();
  // Every section empty first, in one INSERT; content follows as bytes (writeContent, below).
  await tx.section.createMany({
    data: input.sections.map((s, order) => ({
      documentId: input.docId,
      key: s.key,
      title: s.title,
      order,
      extra: s.extra ?? false,
      guidance: s.guidance ?? "",
      outline: s.outline,
      required: s.required ?? false,
      content: empty as Prisma.InputJsonValue,
      contentHash: emptyHash,
      updatedAt: at,
      updatedById: input.actorId,
    })),
  });
  for (const batch of contentBatches(input.sections)) await writeContent(tx, input.docId, batch);
  const imported = input.sections.filter((s) => s.content).map((s) => s.key);
  await tx.$executeRaw`
    WITH v AS (
      INSERT INTO "SectionVersion" ("documentId", "sectionId", "sectionKey", title, "order", version, kind, content,
        text, "contentHash", "authorId", "authorIds", "createdAt")
      SELECT s."documentId", s.id, s.key, s.title, s."order", s.version,
        (CASE WHEN s.key = ANY(${imported}::text[]) THEN 'IMPORT' ELSE 'CREATE' END)::"SectionVersionKind",
        s.content, s.text, s."contentHash", ${input.actorId}, ARRAY[${input.actorId}]::text[], ${utcSql(at)}
      FROM "Section" s WHERE s."documentId" = ${input.docId} ORDER BY s."order"
      RETURNING seq)
    UPDATE "Document" SET "headSeq" = (SELECT max(seq) FROM v) WHERE id = ${input.docId}`;
}

/** Content goes to the database in batches of about this many bytes of JSON, each in pieces. */
const CONTENT_BATCH_BYTES = 256 * 1024;
const CONTENT_PIECE_BYTES = 64 * 1024;

type ContentRow = { key: string; content: JSONContent; text: string; html: string; hash: string };

/** Sections with content, in batches of about CONTENT_BATCH_BYTES (one section may be more on its own). */
function* contentBatches(sections: readonly NewSection[]): Generator<string> {
  let rows: string[] = [];
  let bytes = 0;
  for (const s of sections) {
    if (!s.content) continue;
    const { doc, text, html } = s.content;
    const row: ContentRow = { key: s.key, content: doc, text, html, hash: contentHash(doc) };
    const json = JSON.stringify(row);
    if (rows.length && bytes + json.length > CONTENT_BATCH_BYTES) {
      yield `[${rows.join(",")}]`;
      [rows, bytes] = [[], 0];
    }
    rows.push(json);
    bytes += json.length;
  }
  if (rows.length) yield `[${rows.join(",")}]`;
}

/**
 * Imported content travels as bytes, in pieces of CONTENT_PIECE_BYTES, that PostgreSQL joins and
 * unpacks. Handed to Prisma as JSON and text columns, 1.5 MB of content held the event loop
 * 250–500 ms (its query compiler reads every value, measured) and /api/health waited meanwhile;
 * as one bytea parameter still 60–80 ms. A piece of 64 KB holds it for a few milliseconds. Each piece
 * goes as base64 text that PostgreSQL decodes: 24 pieces cost this process ~95 ms of CPU against
 * ~230 ms as bytea parameters (three runs, 2026-12-03), a third more bytes on the wire notwithstanding.
 */
async function writeContent(tx: Tx, documentId: string, batch: string): Promise<void> {
  const bytes = Buffer.from(batch, "utf8");
  await tx.$executeRaw`CREATE TEMP TABLE IF NOT EXISTS import_piece (n int PRIMARY KEY, data bytea) ON COMMIT DROP`;
  await tx.$executeRaw`TRUNCATE import_piece`;
  for (let at = 0, n = 0; at < bytes.length; at += CONTENT_PIECE_BYTES, n++) {
    const piece = bytes.subarray(at, at + CONTENT_PIECE_BYTES).toString("base64");
    await tx.$executeRaw`INSERT INTO import_piece VALUES (${n}, decode(${piece}, 'base64'))`;
  }
  await tx.$executeRaw`
    UPDATE "Section" AS s SET content = v.content, text = v.text, html = v.html, "contentHash" = v.hash
    FROM jsonb_to_recordset((SELECT convert_from(string_agg(data, '' ORDER BY n), 'UTF8')::jsonb FROM import_piece))
      AS v(key text, content jsonb, text text, html text, hash text)
    WHERE s."documentId" = ${documentId} AND s.key = v.key`;
}
