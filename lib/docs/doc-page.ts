import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db, Prisma } from "@/lib/db";
import { isoSql } from "@/lib/db/sql";
import type { SignOffStateDTO } from "@/lib/reviews/dto";
import { signOffStateFrom, type SignOffDocFields } from "@/lib/reviews/queries";
import { parseReviewRecords, reviewRecordsSql } from "@/lib/reviews/records";
import { AppError } from "@/lib/errors";
import { requireDocAccess } from "./access";
import type { DocPageDTO, PersonDTO, SectionSummaryDTO } from "./dto";
import { accessFor } from "./policy";

const iso = (column: string) => isoSql(Prisma.raw(column));
const person = (alias: string) => Prisma.raw(`json_build_object('id', ${alias}.id, 'name', ${alias}.name)`);

type Row = Omit<DocPageDTO, "access" | "status"> &
  SignOffDocFields & {
    reviewRequests: unknown;
    verdicts: unknown;
  };

/**
 * Everything the doc page shows, in two statements (and the session's user): the access check (the choke
 * point, as for every doc request), then the doc, its section summaries with their
 * cached HTML and stamps, and its review records as one row. Section JSON stays in
 * the database until someone starts editing (GET /api/docs/<id>/sections/<key>).
 */
export async function getDocPage(actor: Actor, slug: string): Promise<{ doc: DocPageDTO; signOff: SignOffStateDTO }> {
  const ctx = await requireDocAccess(actor, { slug }, "view");
  const rows = await db.$queryRaw<Row[]>(docPageRowSql(ctx.doc.id));
  const row = rows[0];
  // Deleted between the access check and this read.
  if (!row) throw new AppError("NOT_FOUND", "This doc does not exist, or you do not have access to it.");
  const {
    reviewRequests,
    verdicts,
    reviewRule: _rule,
    requiredApprovals: _required,
    lockedAt: _locked,
    lockedBy: _by,
    independentApproval: _independent,
    approvalEditors: _editors,
    ...doc
  } = row;
  const signOff = await signOffStateFrom(actor, ctx, row, parseReviewRecords({ reviewRequests, verdicts }));
  return {
    doc: {
      ...doc,
      status: row.status,
      sections: row.sections as SectionSummaryDTO[],
      author: row.author as PersonDTO,
      access: accessFor(ctx.role),
    },
    signOff,
  };
}

/**
 * The doc page's one row: the doc, its section summaries (cached HTML, stamps) and its
 * review records. Also what lib/docs/page-cache.ts fingerprints, so a cached page is
 * keyed on exactly what the page shows.
 */
export function docPageRowSql(docId: string | Prisma.Sql): Prisma.Sql {
  // isEmpty mirrors lib/editor/text.ts isEmptyDoc: nothing but paragraphs, and no visible text in them.
  return Prisma.sql`
    SELECT d.id, d.slug, d.title, d.revision, d.status::text AS status,
      ${iso(`d."createdAt"`)} AS "createdAt", ${iso(`d."updatedAt"`)} AS "updatedAt",
      ${iso(`d."archivedAt"`)} AS "archivedAt",
      d."reviewRule"::text AS "reviewRule", d."requiredApprovals", ${iso(`d."lockedAt"`)} AS "lockedAt",
      ${person("a")} AS author, ${person("ub")} AS "updatedBy",
      CASE WHEN lb.id IS NULL THEN NULL ELSE ${person("lb")} END AS "lockedBy",
      json_build_object('id', w.id, 'name', w.name, 'slug', w.slug) AS workspace,
      CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS template,
      coalesce((
        SELECT json_agg(json_build_object(
          'id', s.id, 'key', s.key, 'title', s.title, 'order', s."order", 'version', s.version, 'html', s.html,
          'guidance', s.guidance, 'hasOutline', s.outline IS NOT NULL, 'required', s.required, 'extra', s.extra,
          'isEmpty', NOT jsonb_path_exists(s.content, '$.content[*] ? (@.type != "paragraph")')
            AND s.text !~ '[^[:space:]]',
          'updatedAt', ${iso(`s."updatedAt"`)},
          'updatedBy', CASE WHEN su.id IS NULL THEN NULL ELSE ${person("su")} END) ORDER BY s."order")
        FROM "Section" s LEFT JOIN "User" su ON su.id = s."updatedById"
        WHERE s."documentId" = d.id), '[]'::json) AS sections,
      ${reviewRecordsSql(Prisma.raw(`d.id`))}
    FROM "Document" d
      JOIN "User" a ON a.id = d."authorId"
      JOIN "User" ub ON ub.id = d."updatedById"
      JOIN "Workspace" w ON w.id = d."workspaceId"
      LEFT JOIN "Template" t ON t.id = d."templateId"
      LEFT JOIN "User" lb ON lb.id = d."lockedById"
    WHERE d.id = ${docId}`;
}
