import { EnvError, parseEnv, type Env } from "./env";
import { installForwardedHeaders } from "./http/forwarded-headers";
import { installRequestObservability } from "./observability/http";

// Validate the configuration at boot, so a missing or malformed variable stops the
// start with a message naming it instead of failing on the first request.
let env: Env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  // One line an operator reads at once (the same wording as `npm start`, scripts/start.ts).
  console.error(`Design Review cannot start: ${error.problems.join("; ")} (README → Configuration)`);
  process.exit(1);
}

// Client addresses and X-Forwarded-* headers as the socket and trusted proxies say (docs/client-address.md).
installForwardedHeaders(env.TRUST_PROXY_HOPS);

// Webhook deliveries wait in PostgreSQL; every app process works the queue (claims never overlap: lib/webhooks).
if (env.WEBHOOK_WORKER === "on") (await import("./webhooks/deliver")).startWebhookWorker();
// A request id, one JSON log line and the HTTP metrics for every request (README → Production → Observability).
installRequestObservability();

// Due-date reminders and daily digests (lib/jobs.ts).
void import("./jobs").then((m) => m.startBackgroundJobs());
