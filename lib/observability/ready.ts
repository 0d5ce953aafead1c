import "server-only";
import { readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import { db } from "@/lib/db";

export type Readiness = {
  status: "ready" | "not ready";
  db: "ok" | "unreachable";
  redis: "ok" | "unreachable" | "not configured";
  migrations: { pending: string[] } | "unknown";
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** PING over RESP (AUTH first when the URL has a password): no Redis client needed for a readiness check. */
export function pingRedis(url: string, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const u = new URL(url);
    const port = Number(u.port || 6379);
    const socket =
      u.protocol === "rediss:"
        ? tls.connect({ host: u.hostname, port, servername: u.hostname })
        : net.connect({ host: u.hostname, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    const command = (...parts: string[]) =>
      `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join("")}`;
    const password = decodeURIComponent(u.password);
    const user = decodeURIComponent(u.username);
    let out = "";
    socket.once(u.protocol === "rediss:" ? "secureConnect" : "connect", () => {
      if (password) socket.write(user ? command("AUTH", user, password) : command("AUTH", password));
      socket.write(command("PING"));
    });
    socket.on("data", (chunk) => {
      out += chunk.toString("utf8");
      if (out.includes("+PONG")) done(true);
      else if (out.startsWith("-")) done(false);
    });
  });
}

/** Migrations in this deployment's prisma/migrations not yet applied to the database. */
async function pendingMigrations(): Promise<string[] | "unknown"> {
  let present: string[];
  try {
    present = readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return "unknown";
  }
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((r) => r.migration_name));
  return present.filter((name) => !done.has(name)).sort();
}

/** Ready to serve: the database answers, Redis too when configured, and no migration is pending. */
export async function checkReadiness(): Promise<Readiness> {
  const redisUrl = process.env.REDIS_URL;
  const [dbOk, pending, redis] = await Promise.all([
    withTimeout(db.$queryRaw`SELECT 1`, 2_000).then(
      () => true,
      () => false,
    ),
    withTimeout(pendingMigrations(), 2_000).catch(() => "unknown" as const),
    redisUrl
      ? pingRedis(redisUrl).then((ok): Readiness["redis"] => (ok ? "ok" : "unreachable"))
      : ("not configured" as const),
  ]);
  const migrations = pending === "unknown" ? "unknown" : { pending };
  const ready = dbOk && redis !== "unreachable" && migrations !== "unknown" && migrations.pending.length === 0;
  return { status: ready ? "ready" : "not ready", db: dbOk ? "ok" : "unreachable", redis, migrations };
}
