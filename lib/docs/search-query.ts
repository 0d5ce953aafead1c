import { Prisma } from "@/lib/db";

const MAX_TERMS = 8;

/** The words of a search box query (letters and digits), at most MAX_TERMS. */
export function searchTerms(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
}

/** Quotes, a leading minus or OR: the person wrote search syntax, which websearch_to_tsquery reads. */
const SYNTAX = /["]|(^|\s)-\S|\sor\s/i;

/**
 * The tsquery of a search: every word as a prefix ("reconcil" finds "reconciliation"), all of them required,
 * stemmed by the same English configuration as the stored vectors. Only letters and digits reach to_tsquery, so
 * no input is tsquery syntax. With search syntax (quotes, -word, OR), PostgreSQL's own web-search reading.
 */
export function searchTsquery(q: string): Prisma.Sql {
  const terms = searchTerms(q);
  if (SYNTAX.test(q) || terms.length === 0) return Prisma.sql`websearch_to_tsquery('english', ${q})`;
  return Prisma.sql`to_tsquery('english', ${terms.map((t) => `${t}:*`).join(" & ")})`;
}

// One doc's sections (and comments), read through their documentId indexes and only then matched. OFFSET 0 keeps the
// match out of the scan: left to itself, the planner ANDs the documentId index with the GIN index, and a short prefix
// ("lat:*", estimated rare) rebuilds the GIN bitmap of every matching section in the database once per doc: 5 ms × 100
// docs, 16× the plain list (bench/search-latency.ts). A doc has a few dozen sections; reading them is ~0.05 ms.
export const sectionsOf = (doc: Prisma.Sql) =>
  Prisma.sql`(SELECT s.key, s.title, s.text, s."order", s.search
    FROM "Section" s WHERE s."documentId" = ${doc} OFFSET 0)`;
export const commentsOf = (doc: Prisma.Sql) =>
  Prisma.sql`(SELECT th.id, th.quote, th."sectionKey", th."documentId", c.text, c.search, c."createdAt"
    FROM "CommentThread" th JOIN "Comment" c ON c."threadId" = th.id
    WHERE th."documentId" = ${doc} AND c."deletedAt" IS NULL OFFSET 0)`;
