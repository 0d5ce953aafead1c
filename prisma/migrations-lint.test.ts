/**
 * A `;` inside a `--` comment of a migration once broke `prisma migrate deploy` (issue 18): Prisma's driver adapter
 * split scripts at every `;`. prisma.config.ts now runs scripts whole, but a migration must not depend on that.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { migrationDirs } from "../scripts/lib/postgres.mjs";

/** `line: text` of every `;` in a comment (`--` or block), outside strings, quoted names and dollar-quoted bodies. */
function semicolonsInComments(sql: string): string[] {
  const found: string[] = [];
  const lineOf = (i: number) => sql.slice(0, i).split("\n").length;
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    if (rest.startsWith("--")) {
      const end = sql.indexOf("\n", i);
      const comment = sql.slice(i, end === -1 ? sql.length : end);
      if (comment.includes(";")) found.push(`${lineOf(i)}: ${comment.trim()}`);
      i = end === -1 ? sql.length : end + 1;
    } else if (rest.startsWith("/*")) {
      const end = sql.indexOf("*/", i + 2);
      const comment = sql.slice(i, end === -1 ? sql.length : end + 2);
      if (comment.includes(";")) found.push(`${lineOf(i)}: ${comment.split("\n")[0]?.trim()}`);
      i = end === -1 ? sql.length : end + 2;
    } else if (rest[0] === "'" || rest[0] === '"') {
      const quote = rest[0];
      let j = i + 1;
      while (j < sql.length && !(sql[j] === quote && sql[j + 1] !== quote)) j += sql[j] === quote ? 2 : 1;
      i = j + 1;
    } else if (/^\$[A-Za-z_]*\$/.test(rest)) {
      const tag = /^\$[A-Za-z_]*\$/.exec(rest)?.[0] ?? "$$";
      const end = sql.indexOf(tag, i + tag.length);
      i = end === -1 ? sql.length : end + tag.length;
    } else i += 1;
  }
  return found;
}

/**
 * Already applied on databases with these exact bytes, so left as they are (an edit changes the checksum that
 * `prisma migrate dev` compares); they apply because prisma.config.ts runs scripts whole. Never add to this list.
 */
const APPLIED_BEFORE_THE_RULE: Record<string, string> = {
  "20261126060000_search_indexes": "61202d70932bdfa56f786f3fb0f8420ac8c1ec780cc231f325a9d9b3ee51d58d",
};

describe("migrations lint", () => {
  it("finds a `;` in comments, not in strings, quoted names or function bodies", () => {
    const sql = [
      "-- fine, no semicolon",
      "SELECT 'a;b', \"x;y\";",
      "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;",
      "-- merges it; with up to 4 MB",
      "/* one; */ SELECT 'it''s -- not; a comment';",
    ].join("\n");
    expect(semicolonsInComments(sql)).toEqual(["4: -- merges it; with up to 4 MB", "5: /* one; */"]);
  });

  it("no migration has a `;` inside a comment", () => {
    const offenders = migrationDirs().flatMap(({ name, sql }) => {
      const pinned = APPLIED_BEFORE_THE_RULE[name];
      if (pinned) {
        // The exemption covers those bytes only: edited, the file is checked like any other.
        if (createHash("sha256").update(sql).digest("hex") === pinned) return [];
      }
      return semicolonsInComments(sql).map((hit) => `prisma/migrations/${name}/migration.sql:${hit}`);
    });
    expect(offenders, "a `;` inside a SQL comment: reword it (Prisma's CLI may split the script there)").toEqual([]);
  });
});
