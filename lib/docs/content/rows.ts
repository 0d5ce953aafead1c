import "server-only";
import { Prisma } from "@/lib/db";
import { isoSql } from "@/lib/db/sql";
import { accessRowSql, roleFromAccessRow, type AccessRow } from "@/lib/docs/access";
import type { DocRole } from "@/lib/docs/policy";
import { AppError } from "@/lib/errors";
import type { LockedDoc } from "@/lib/reviews/status";
import type { CommitSql } from "./sql";

export type LockedSection = {
  id: string;
  key: string;
  title: string;
  order: number;
  version: number;
  content: unknown;
  contentHash: string;
  updatedById: string | null;
  updatedAt: Date;
  /** The section's text-anchored comment threads (for planCommentAnchors). */
  anchored: { id: string; quote: string | null }[];
  /** Whether any approval of the doc exists (else the approvals effect has nothing to look at). */
  approvals: boolean;
};

export const NOT_FOUND = "This doc does not exist, or you do not have access to it.";

/** What a commit reads under its locks, in ONE round trip (the hot path: bench/pipeline-save.mjs). */
export type CommitRows = {
  section: LockedSection;
  doc: LockedDoc;
  /** The caller's doc role (the access choke point's statement), when the commit was asked to resolve it. */
  role: DocRole | null;
  /** Whether any active webhook of the workspace listens for section.saved (else that effect has nothing to do). */
  sectionHooks: boolean;
  /** The workspace allows remote images (lib/media/remote-images.ts). */
  remoteImages: boolean;
};

type CommitRow = AccessRow & {
  section: (Omit<LockedSection, "updatedAt"> & { updatedAt: string }) | null;
  locked: (Omit<LockedDoc, "lockedAt" | "archivedAt"> & { lockedAt: string | null; archivedAt: string | null }) | null;
  sectionHooks: boolean | null;
  remoteImages: boolean | null;
};

/** timestamp(3) columns come out of json_build_object as ISO text without a zone: they are UTC. */
const utcDate = (value: string): Date => new Date(value.endsWith("Z") ? value : `${value}Z`);

/**
 * Row locks for the rest of the transaction — the section, then the doc (the order every writer takes them; raw
 * SQL: Prisma cannot say FOR UPDATE) — with everything the commit reads besides, in the same statement: the
 * caller's grants (role), the section's anchored threads, whether approvals exist, whether section.saved hooks do.
 * The doc row is locked only through the section (a CTE reading the locked section), so the order holds.
 * NOT_FOUND when the caller cannot read the doc (role asked for) or the doc has no such section.
 */
export async function lockForCommit(
  sql: CommitSql,
  docId: string,
  sectionKey: string,
  roleOf: string | null,
): Promise<CommitRows> {
  const [row] = await sql.query<CommitRow>(Prisma.sql`
    WITH s AS (
      SELECT s.id, s."documentId", s.key, s.title, s."order", s.version, s.content, s."contentHash",
        s."updatedById", s."updatedAt"
      FROM "Section" s WHERE s."documentId" = ${docId} AND s.key = ${sectionKey} FOR UPDATE OF s),
    d AS (
      SELECT d.id, d."workspaceId", d.slug, d.title, d."authorId", d.revision, d.status::text AS status,
        d."reviewRule"::text AS "reviewRule", d."requiredApprovals", d."lockedAt", d."archivedAt"
      FROM "Document" d WHERE d.id = (SELECT "documentId" FROM s) FOR UPDATE OF d),
    a AS (${accessRowSql(roleOf ?? "", "", Prisma.sql`d.id = ${docId}`)})
    SELECT a.*,
      (SELECT json_build_object('id', s.id, 'key', s.key, 'title', s.title, 'order', s."order",
        'version', s.version, 'content', s.content, 'contentHash', s."contentHash", 'updatedById', s."updatedById",
        'updatedAt', s."updatedAt",
        'anchored', coalesce((SELECT json_agg(json_build_object('id', t.id, 'quote', t.quote)) FROM "CommentThread" t
          WHERE t."documentId" = s."documentId" AND t."sectionKey" = s.key AND t.anchor = 'TEXT'), '[]'::json),
        'approvals', EXISTS (SELECT 1 FROM "Verdict" v WHERE v."documentId" = s."documentId" AND v.kind = 'APPROVE'))
        FROM s) AS section,
      (SELECT row_to_json(d) FROM d) AS locked,
      (SELECT EXISTS (SELECT 1 FROM "Webhook" w WHERE w."workspaceId" = d."workspaceId" AND w."disabledAt" IS NULL
        AND 'section.saved' = ANY (w.events)) FROM d) AS "sectionHooks",
      (SELECT w."allowRemoteImages" FROM "Workspace" w, d WHERE w.id = d."workspaceId") AS "remoteImages"
    FROM a`);
  const role = row && roleOf ? roleFromAccessRow(row, roleOf) : null;
  if (!row || (roleOf && !role)) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (!row.section || !row.locked)
    throw new AppError("NOT_FOUND", `This doc has no section "${sectionKey.slice(0, 60)}".`);
  const { locked, section } = row;
  return {
    section: { ...section, updatedAt: utcDate(section.updatedAt) },
    doc: {
      ...locked,
      lockedAt: locked.lockedAt ? utcDate(locked.lockedAt) : null,
      archivedAt: locked.archivedAt ? utcDate(locked.archivedAt) : null,
    },
    role,
    sectionHooks: !!row.sectionHooks,
    remoteImages: !!row.remoteImages,
  };
}

/** 409 with the section as stored now, so the editor can keep its text and offer a merge. */
export async function conflictError(sql: CommitSql, sectionId: string): Promise<AppError> {
  const [row] = await sql.query<{ current: ConflictCurrent }>(Prisma.sql`
    SELECT json_build_object('version', s.version, 'content', s.content, 'html', s.html,
      'updatedAt', ${isoSql(Prisma.sql`s."updatedAt"`)},
      'updatedBy', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = s."updatedById"))
      AS current
    FROM "Section" s WHERE s.id = ${sectionId}`);
  if (!row) throw new Error(`section ${sectionId} vanished inside its transaction`);
  const who = row.current.updatedBy?.name ?? "Someone";
  return new AppError("CONFLICT", `${who} saved a newer version of this section while you were editing.`, {
    data: { current: row.current },
  });
}

type ConflictCurrent = {
  version: number;
  content: unknown;
  html: string;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
};

/** A user's id and name (the stamps a commit returns), or null. */
export async function authorOf(sql: CommitSql, userId: string | null): Promise<{ id: string; name: string } | null> {
  if (!userId) return null;
  const [row] = await sql.query<{ id: string; name: string }>(
    Prisma.sql`SELECT id, name FROM "User" WHERE id = ${userId}`,
  );
  return row ?? null;
}
