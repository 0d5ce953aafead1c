// The live co-editing server (Hocuspocus): one process beside Next, logic in lib/collab.
//   npm run collab            (production: node --conditions=react-server --import tsx scripts/collab-server.ts)
// Env: DATABASE_URL, AUTH_SECRET (the same as Next's), COLLAB_PORT (default 1234), COLLAB_HOST (default 127.0.0.1),
// REDIS_URL (optional: several collab processes share docs through Redis), METRICS_TOKEN (reads GET /metrics).
// First: it must be in place before anything loads lib0 (see the file).
import "@/lib/collab/random-pool";
import { redisAuthors, redisClaim, redisExtension } from "@/lib/collab/scale";
import { createCollabServer } from "@/lib/collab/server";

const port = Number(process.env.COLLAB_PORT ?? 1234);
const host = process.env.COLLAB_HOST ?? "127.0.0.1";
const secret = process.env.AUTH_SECRET ?? "";
if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is required but not set");
if (secret.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters (the same as the app's)");

const redisUrl = process.env.REDIS_URL;
const redis = redisUrl ? redisExtension(redisUrl) : null;
const server = createCollabServer({
  port,
  host,
  secret,
  metricsToken: process.env.METRICS_TOKEN || undefined,
  extensions: redis ? [redis] : [],
  claim: redis ? redisClaim(redis) : undefined,
  authors: redis ? redisAuthors(redis) : undefined,
});
await server.listen();
console.log(
  JSON.stringify({
    level: "info",
    time: new Date().toISOString(),
    msg: "collab server listening",
    host,
    port,
    redis: Boolean(redisUrl),
  }),
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Every open doc is stored before the process ends.
  await server.destroy();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
