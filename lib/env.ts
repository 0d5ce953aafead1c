import { z } from "zod";

/**
 * Every environment variable the app reads, validated once at boot
 * (instrumentation.ts) so a bad deployment stops with a message naming the
 * variable instead of failing on the first request. README lists them all.
 */
const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), "must be a postgresql:// URL");

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)"),
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v) && URL.canParse(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  SMTP_FROM: z.string().min(3).default("Design Review <no-reply@design-review.local>"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // The doc page cache (lib/docs/page-cache.ts): on/off, its size, and where the server reaches itself to render a
  // miss.
  PAGE_CACHE: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(64),
  PAGE_CACHE_ORIGIN: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  // Live co-editing (lib/collab, scripts/collab-server.ts): on/off, the collaboration server's port and bind address,
  // the WebSocket URL browsers use when it is not this host at COLLAB_PORT (REDIS_URL below: several collab processes).
  COLLAB: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  COLLAB_PORT: z.coerce.number().int().min(1).max(65535).default(1234),
  COLLAB_HOST: z.string().min(1).default("127.0.0.1"),
  COLLAB_PUBLIC_URL: z.url({ protocol: /^wss?$/, error: "must be a ws:// or wss:// URL" }).optional(),
  // Several collaboration processes (README → Live co-editing → Topology): their URLs, this app's first.
  COLLAB_PUBLIC_URLS: z
    .string()
    .refine(
      (v) => v.split(",").every((u) => URL.canParse(u.trim()) && /^wss?:$/.test(new URL(u.trim()).protocol)),
      "must be ws:// or wss:// URLs separated by commas",
    )
    .optional(),
  // Reverse proxies in front of the app whose X-Forwarded-* headers are believed (lib/http/client-address.ts).
  TRUST_PROXY_HOPS: z.coerce
    .number({ error: "must be a whole number from 0 to 10" })
    .int("must be a whole number from 0 to 10")
    .min(0, "must be a whole number from 0 to 10")
    .max(10, "must be a whole number from 0 to 10")
    .default(0),
  // Webhooks (lib/webhooks): the operator's allowance for receivers on private networks, and the delivery worker.
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).default("false"),
  WEBHOOK_WORKER: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  // Observability (README → Production → Observability): the token that reads /api/metrics (without it, only
  // clients on this machine may). Redis joins collaboration processes, and /api/ready checks it when configured.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v) && URL.canParse(v), "must be a redis:// or rediss:// URL")
    .optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be a pino level (info, …)" })
    .default("info"),
});

export type Env = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parse a raw environment; throws EnvError naming each bad or missing variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZEnv.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return issue.code === "invalid_type" && cleaned[name] === undefined
      ? `${name} is required but not set`
      : `${name} ${issue.message}`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
