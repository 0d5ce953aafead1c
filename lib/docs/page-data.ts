import "server-only";
import type { Actor } from "@/lib/auth/session";
import { Prisma } from "@/lib/db";
import { getHeaderData, headerRowSql } from "@/lib/workspaces/queries";
import { docPageRowSql, getDocPage } from "./doc-page";

/**
 * THE definition of what the doc page (app/(app)/docs/[slug]/page.tsx) renders from, for the
 * page and for its cache (lib/docs/page-cache.ts), so the two cannot drift:
 * - DOC_PAGE_STATEMENTS: the statements the page reads; the cache key is an md5 over their rows.
 * - DOC_PAGE_DERIVED_READS: reads beyond them whose every input those rows already cover, each with why.
 * - loadDocPage: the page's one data call.
 * lib/docs/page-data.db.test.ts records every statement the page's data costs and fails on one
 * that is neither (e.g. a history count added to the page without adding it here).
 */
export type PageIds = { docId: string | Prisma.Sql; userId: string | Prisma.Sql };

export const DOC_PAGE_STATEMENTS = {
  /** The doc, its section summaries (cached HTML, versions, stamps) and its review records. */
  doc: ({ docId }: PageIds) => docPageRowSql(docId),
  /** The app header: the reader's workspaces and unread inbox count. */
  header: ({ userId }: PageIds) => headerRowSql(userId),
} as const;

export const DOC_PAGE_DERIVED_READS: readonly { table: string; why: string }[] = [
  {
    table: "Verdict",
    why: "the reader’s stale approval’s snapshot, for its diff: immutable, its id and staleAt in the review records",
  },
  {
    table: "Section",
    why: "section content for that diff: each section's version is in the doc statement",
  },
];

/** md5 over every statement's row, for the cache key (runs inside page-cache.ts's one statement). */
export function docPageFingerprintSql(ids: PageIds): Prisma.Sql {
  const parts = Object.values(DOC_PAGE_STATEMENTS).map(
    (statement) => Prisma.sql`(SELECT row_to_json(p)::text FROM (${statement(ids)}) p)`,
  );
  return Prisma.sql`md5(concat_ws(chr(31), ${Prisma.join(parts, ", ")}))`;
}

/** Everything the doc page shows. */
export async function loadDocPage(actor: Actor, slug: string) {
  const [page, header] = await Promise.all([getDocPage(actor, slug), getHeaderData(actor)]);
  return { ...page, header };
}
