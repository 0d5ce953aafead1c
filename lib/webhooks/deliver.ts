import "server-only";
import { db } from "@/lib/db";
import { logError } from "@/lib/log";
import { bodyFor, type WebhookPayload } from "./payload";
import { DELIVERY_HEADER, EVENT_HEADER, RETRY_WINDOW_MS, SIGNATURE_HEADER } from "./events";
import { sendWebhook } from "./send";
import { signatureHeader } from "./sign";
import { disableFailingWebhook } from "./disable";

/** Waits after the 1st, 2nd, … failed attempt (the last repeats): about 18 attempts in 24 h. */
const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000];
/** A worker holds a claimed delivery this long; a worker that died lets another take it after. */
const LEASE_MS = 60_000;

export const backoffAfter = (attempts: number) => BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1]!;

type Claimed = {
  id: string;
  event: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
  webhookId: string;
  url: string;
  secret: string;
  format: "JSON" | "SLACK";
};

/**
 * Claim due deliveries (each by one worker, across processes: SKIP LOCKED), send them, record the outcome.
 * `now` is a parameter so tests can step through a day of retries. Returns how many were attempted.
 */
export async function deliverDue(opts: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  // Raw SQL: row locks with SKIP LOCKED and a lease in one statement.
  const claimed = await db.$queryRaw<Claimed[]>`
    WITH due AS (
      SELECT d.id FROM "WebhookDelivery" d JOIN "Webhook" w ON w.id = d."webhookId"
      WHERE d.status = 'PENDING' AND d."nextAttemptAt" <= ${now} AND w."disabledAt" IS NULL
        AND (d."lockedUntil" IS NULL OR d."lockedUntil" <= ${now})
      ORDER BY d."nextAttemptAt" LIMIT ${opts.limit ?? 20}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "WebhookDelivery" d SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}
    FROM due, "Webhook" w
    WHERE d.id = due.id AND w.id = d."webhookId"
    RETURNING d.id, d.event, d.payload, d.attempts, d."createdAt", d."webhookId", w.url, w.secret,
      w.format::text AS format`;
  await Promise.all(claimed.map((delivery) => attempt(delivery, now)));
  return claimed.length;
}

async function attempt(d: Claimed, now: Date): Promise<void> {
  const body = bodyFor(d.format, d.payload as WebhookPayload);
  const result = await sendWebhook(
    new URL(d.url),
    {
      "Content-Type": "application/json",
      "User-Agent": "DesignReview-Webhooks/1",
      [SIGNATURE_HEADER]: signatureHeader(d.secret, body, now.getTime()),
      [DELIVERY_HEADER]: d.id,
      [EVENT_HEADER]: d.event,
    },
    body,
  );
  const attempts = d.attempts + 1;
  const record = { attempts, lastAttemptAt: now, responseStatus: result.status, durationMs: result.durationMs };
  if (!result.error) {
    await db.$transaction([
      db.webhookDelivery.update({
        where: { id: d.id },
        data: { ...record, status: "DELIVERED", deliveredAt: now, lastError: null, lockedUntil: null },
      }),
      db.webhook.updateMany({ where: { id: d.webhookId }, data: { failingSince: null } }),
    ]);
    return;
  }
  // The last attempt is made just after the window closes, so an endpoint that failed throughout has failed 24 h.
  const windowEnd = d.createdAt.getTime() + RETRY_WINDOW_MS;
  const givenUp = now.getTime() >= windowEnd;
  const next = new Date(Math.min(now.getTime() + backoffAfter(attempts), windowEnd + 60_000));
  await db.webhookDelivery.update({
    where: { id: d.id },
    data: {
      ...record,
      lastError: result.error.slice(0, 500),
      lockedUntil: null,
      ...(givenUp ? { status: "FAILED" } : { nextAttemptAt: next }),
    },
  });
  await db.webhook.updateMany({ where: { id: d.webhookId, failingSince: null }, data: { failingSince: now } });
  await disableFailingWebhook(d.webhookId, now, result.error);
}

let timer: NodeJS.Timeout | null = null;
let running = false;

/** Poll the queue every few seconds in this process (several processes may: claims never overlap). */
export function startWebhookWorker(intervalMs = 2_000): void {
  if (timer || process.env.WEBHOOK_WORKER === "off") return;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDue()
      .catch((error: unknown) => logError("webhook delivery round failed", error, {}))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
}
