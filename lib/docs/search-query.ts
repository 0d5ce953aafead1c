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
