import "server-only";
import { Prisma } from "./generated/client";

/**
 * An ISO-8601 UTC string (`2026-11-26T08:00:00.000Z`) of a timestamp column, or null.
 * Prisma's DateTime columns are `timestamp(3)` holding UTC; inside json_build_object
 * PostgreSQL would print them without the zone, which browsers read as local time.
 */
export function isoSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
