import "server-only";
import type { Prisma, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emptyDoc } from "@/lib/editor/validate";
import type { DocRole } from "@/lib/docs/policy";
import { lockDocumentRow, type LockedDoc } from "@/lib/reviews/status";
import { canEditContent } from "./can-edit";
import { contentHash } from "./derive";

/**
 * Titles, places and existence of sections (the doc's own sections: lib/docs/extra-sections.ts
 * decides which changes are allowed). Each change is a STRUCTURE SectionVersion (or CREATE for
 * a new section) carrying the title and place after it, so the doc as of any point shows the
 * sections it had then. Content and content version numbers do not change here.
 */

export type StructureRow = {
  id: string;
  key: string;
  title: string;
  order: number;
  extra: boolean;
  content: unknown;
  contentHash: string;
};

/**
 * Every section row of the doc, then the doc row, locked (the same order as a content commit,
 * so the two never deadlock), after the editability rule.
 */
export async function lockForStructure(
  tx: Tx,
  docId: string,
  role: DocRole,
): Promise<{ doc: LockedDoc; sections: StructureRow[] }> {
  const sections = await tx.$queryRaw<StructureRow[]>`
    SELECT id, key, title, "order", extra, content, "contentHash" FROM "Section" WHERE "documentId" = ${docId}
    ORDER BY "order", id FOR UPDATE`;
  const doc = await lockDocumentRow(tx, docId);
  const allowed = canEditContent({ role, archived: !!doc.archivedAt, locked: !!doc.lockedAt });
  if (!allowed.ok) throw new AppError(allowed.code, allowed.message);
  return { doc, sections };
}

/** Versions of the given sections as they are now (after the change), and the doc's headSeq. */
async function recordStructure(
  tx: Tx,
  docId: string,
  sectionIds: readonly string[],
  actorId: string,
  kind: "STRUCTURE" | "CREATE",
  removed = false,
): Promise<void> {
  if (sectionIds.length === 0) return;
  await tx.$executeRaw`
    WITH v AS (
      INSERT INTO "SectionVersion" ("documentId", "sectionId", "sectionKey", title, "order", removed, version, kind,
        content, text, "contentHash", "authorId", "authorIds")
      SELECT s."documentId", s.id, s.key, s.title, s."order", ${removed}, s.version, ${kind}::"SectionVersionKind",
        s.content, s.text, s."contentHash", ${actorId}, ARRAY[${actorId}]::text[]
      FROM "Section" s WHERE s.id = ANY(${sectionIds}::text[]) ORDER BY s."order"
      RETURNING seq)
    UPDATE "Document" SET "headSeq" = (SELECT max(seq) FROM v) WHERE id = ${docId}`;
}

/**
 * A new, empty section of the doc's own at `order` (the caller renumbers the others). A restore brings a removed
 * section back under its own id and version number (`again`), so its history goes on where it stopped.
 */
export async function insertSection(
  tx: Tx,
  s: { docId: string; key: string; title: string; order: number; actorId: string },
  again?: { id: string; version: number },
): Promise<StructureRow> {
  const empty = emptyDoc();
  const created = await tx.section.create({
    data: {
      ...(again && { id: again.id, version: again.version }),
      documentId: s.docId,
      key: s.key,
      title: s.title,
      order: s.order,
      extra: true,
      content: empty as Prisma.InputJsonValue,
      contentHash: contentHash(empty),
      html: "",
      updatedById: s.actorId,
    },
    select: { id: true, key: true, title: true, order: true, extra: true, content: true, contentHash: true },
  });
  await recordStructure(tx, s.docId, [created.id], s.actorId, "CREATE");
  return created;
}

export async function setSectionTitle(
  tx: Tx,
  s: { docId: string; sectionId: string; title: string; actorId: string },
): Promise<void> {
  await tx.section.update({ where: { id: s.sectionId }, data: { title: s.title } });
  await recordStructure(tx, s.docId, [s.sectionId], s.actorId, "STRUCTURE");
}

/** Renumber the sections in the given order; only those whose place changed get a version. */
export async function setSectionOrder(
  tx: Tx,
  docId: string,
  sections: readonly StructureRow[],
  actorId: string,
): Promise<void> {
  const moved: string[] = [];
  for (const [order, s] of sections.entries()) {
    if (s.order === order) continue;
    await tx.section.update({ where: { id: s.id }, data: { order } });
    moved.push(s.id);
  }
  await recordStructure(tx, docId, moved, actorId, "STRUCTURE");
}

/** The section's last version says it was removed (history keeps it); then its row goes. */
export async function deleteSection(tx: Tx, s: { docId: string; sectionId: string; actorId: string }): Promise<void> {
  await recordStructure(tx, s.docId, [s.sectionId], s.actorId, "STRUCTURE", true);
  await tx.section.delete({ where: { id: s.sectionId } });
}
