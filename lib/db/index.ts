import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { logger } from "@/lib/observability/logger";
import { watchPool } from "@/lib/observability/metrics";
import { PrismaClient } from "./generated/client";

export * from "./generated/client";

function createPool(): pg.Pool {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is required but not set");
  // Our own pool, so GET /api/metrics can report its connections.
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    // As Prisma's own pool did on $disconnect: idle connections never keep a script's process alive.
    allowExitOnIdle: true,
  });
  // An idle connection the server ended (a restart, a failover, DROP DATABASE … FORCE) is dropped by the pool and
  // replaced on the next query: nothing to do, but without a listener its error event would crash the process.
  pool.on("error", (error: Error & { code?: string }) =>
    logger.warn({ code: error.code }, "idle database connection closed by the server"),
  );
  watchPool(pool);
  return pool;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

/**
 * The process's connections, shared by Prisma and the few hot paths that send plain SQL on a connection of
 * their own (lib/docs/content/sql.ts: Prisma spends ~2 ms of CPU per statement, pg ~0.3).
 */
export const dbPool: pg.Pool = globalForPrisma.pgPool ?? createPool();

/** The one Prisma client of the process (a singleton across dev hot reloads). */
export const db: PrismaClient = globalForPrisma.prisma ?? new PrismaClient({ adapter: new PrismaPg(dbPool) });
if (process.env.NODE_ENV !== "production") {
  globalForPrisma.prisma = db;
  globalForPrisma.pgPool = dbPool;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
