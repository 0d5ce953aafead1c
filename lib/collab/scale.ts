import "server-only";
import { Redis } from "@hocuspocus/extension-redis";
import type { RedisOptions } from "ioredis";
import type { SharedAuthors } from "./server";

/**
 * Scale-out: with REDIS_URL set, every collaboration process joins the same Redis, and
 * Hocuspocus's Redis extension relays each doc's updates and awareness between the
 * processes that have it open. A browser may then be on any process; when its process
 * dies it reconnects to another (the page's ticket lists them, COLLAB_PUBLIC_URLS) and
 * the sync protocol merges what it typed. README → Live co-editing → Topology.
 */
export type ScaleOptions = {
  /** Namespace of the Redis channels and locks (several deployments may share one Redis). */
  prefix?: string;
  /** How long a store's lock lives if its process dies holding it (the other process stores after it). */
  lockTimeoutMs?: number;
};

/** ioredis's options from a redis:// or rediss:// URL (user, password, database number, TLS). */
export function redisOptionsFrom(url: string): { host: string; port: number; options: RedisOptions } {
  const u = new URL(url);
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") throw new Error("REDIS_URL must be a redis:// URL");
  const db = u.pathname.replace(/^\//, "");
  const options: RedisOptions = {
    // A Redis that is away must not hang a store or a load: commands fail fast and the caller retries.
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db && /^\d+$/.test(db) ? { db: Number(db) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
  };
  return { host: u.hostname || "127.0.0.1", port: Number(u.port || 6379), options };
}

export function redisExtension(url: string, options: ScaleOptions = {}): Redis {
  const { host, port, options: redisOptions } = redisOptionsFrom(url);
  return new Redis({
    host,
    port,
    options: redisOptions,
    prefix: prefixOf(options),
    // Held only while one process stores a doc; a process killed holding it delays the other's store by this
    // long at most (the server's sweep stores again), and never a connection (STACK.md: Docmost's hang).
    lockTimeout: options.lockTimeoutMs ?? 3_000,
  });
}

const prefixOf = (options: ScaleOptions) => options.prefix ?? "design-review-collab";

/**
 * One process of all those on the Redis wins `key` (for a minute): it alone merges an outside write into the
 * shared doc. Redis away: every process merges (text could show twice, which the reader can fix; never lost).
 */
export function redisClaim(extension: Redis, options: ScaleOptions = {}): (key: string) => Promise<boolean> {
  const prefix = prefixOf(options);
  return async (key) => {
    try {
      return (await extension.pub.set(`${prefix}:claim:${key}`, "1", "PX", 60_000, "NX")) === "OK";
    } catch {
      return true;
    }
  };
}

/**
 * Who typed in a section, on any process: a Redis set per section, added to once per person and store cycle and
 * emptied by the store that names them. Redis away: each process names the people it saw.
 */
export function redisAuthors(extension: Redis, options: ScaleOptions = {}): SharedAuthors {
  const prefix = prefixOf(options);
  const keyOf = (docId: string, key: string) => `${prefix}:authors:${docId}:${key}`;
  return {
    add(docId, key, userId) {
      const k = keyOf(docId, key);
      extension.pub
        .multi()
        .sadd(k, userId)
        .pexpire(k, 10 * 60_000)
        .exec()
        .catch(() => undefined);
    },
    async take(docId, key) {
      const k = keyOf(docId, key);
      try {
        const result = await extension.pub.multi().smembers(k).del(k).exec();
        const members = result?.[0]?.[1];
        return Array.isArray(members) ? members.map(String) : [];
      } catch {
        return [];
      }
    },
  };
}
