import "server-only";
import type { Actor } from "@/lib/auth/session-token";
import { newToken } from "@/lib/crypto";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "@/lib/workspaces/access";
import { MAX_WEBHOOKS_PER_WORKSPACE, type WebhookEvent } from "./events";
import { ZCreateWebhook } from "./schemas";
import { checkWebhookUrl } from "./ssrf";

export type WebhookDeliveryDTO = {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  durationMs: number | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  redelivery: boolean;
};

/** What admins see of an endpoint: never its secret (shown once, at creation). */
export type WebhookDTO = {
  id: string;
  url: string;
  events: WebhookEvent[];
  format: "json" | "slack";
  description: string | null;
  createdAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  deliveries: WebhookDeliveryDTO[];
};

const RECENT_DELIVERIES = 20;

type HookRow = Prisma.WebhookGetPayload<{ include: { deliveries: true } }>;

function toDTO(row: HookRow): WebhookDTO {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEvent[],
    format: row.format === "SLACK" ? "slack" : "json",
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    deliveries: row.deliveries.map((d) => ({
      id: d.id,
      event: d.event,
      status: d.status.toLowerCase() as WebhookDeliveryDTO["status"],
      attempts: d.attempts,
      responseStatus: d.responseStatus,
      lastError: d.lastError,
      durationMs: d.durationMs,
      createdAt: d.createdAt.toISOString(),
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt.toISOString() : null,
      redelivery: !!d.redeliveryOf,
    })),
  };
}

const withRecent = { deliveries: { orderBy: { createdAt: "desc" }, take: RECENT_DELIVERIES } } as const;

const admin = (actor: Actor, workspaceId: string) => requireWorkspace(actor, { id: workspaceId }, "workspace.update");

async function findHook(workspaceId: string, webhookId: string) {
  const hook = await db.webhook.findFirst({ where: { id: webhookId, workspaceId } });
  if (!hook) throw new AppError("NOT_FOUND", "This webhook does not exist.");
  return hook;
}

/** Register an endpoint (workspace owners and admins). The signing secret is in this answer only. */
export async function createWebhook(
  actor: Actor,
  workspaceId: string,
  raw: unknown,
): Promise<{ webhook: WebhookDTO; secret: string }> {
  const { workspace } = await admin(actor, workspaceId);
  const input = parseInput(ZCreateWebhook, raw);
  const url = await checkWebhookUrl(input.url);
  if ((await db.webhook.count({ where: { workspaceId: workspace.id } })) >= MAX_WEBHOOKS_PER_WORKSPACE)
    throw new AppError("CONFLICT", `A workspace can have ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks; delete one first.`);
  const secret = `whsec_${newToken()}`;
  const row = await db.webhook.create({
    data: {
      workspaceId: workspace.id,
      url: url.toString(),
      secret,
      events: [...new Set(input.events)],
      format: input.format === "slack" ? "SLACK" : "JSON",
      description: input.description || null,
      createdById: actor.id,
    },
    include: withRecent,
  });
  return { webhook: toDTO(row), secret };
}

export async function listWebhooks(actor: Actor, workspaceId: string): Promise<WebhookDTO[]> {
  const { workspace } = await admin(actor, workspaceId);
  const rows = await db.webhook.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { createdAt: "asc" },
    include: withRecent,
  });
  return rows.map(toDTO);
}

export async function deleteWebhook(actor: Actor, workspaceId: string, webhookId: string): Promise<void> {
  const { workspace } = await admin(actor, workspaceId);
  const hook = await findHook(workspace.id, webhookId);
  await db.webhook.delete({ where: { id: hook.id } });
}

/** Turn an endpoint off, or on again (which forgets its failures: it gets a fresh 24 hours). */
export async function setWebhookEnabled(
  actor: Actor,
  workspaceId: string,
  webhookId: string,
  enabled: boolean,
): Promise<WebhookDTO> {
  const { workspace } = await admin(actor, workspaceId);
  const hook = await findHook(workspace.id, webhookId);
  const row = await db.webhook.update({
    where: { id: hook.id },
    data: enabled
      ? { disabledAt: null, disabledReason: null, failingSince: null }
      : { disabledAt: hook.disabledAt ?? new Date(), disabledReason: `Turned off by ${actor.name}` },
    include: withRecent,
  });
  return toDTO(row);
}

/** Send a delivery again by hand: a new delivery (its own id) of the same event, queued now. */
export async function redeliverWebhook(actor: Actor, workspaceId: string, deliveryId: string): Promise<void> {
  const { workspace } = await admin(actor, workspaceId);
  const original = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, webhook: { workspaceId: workspace.id } },
  });
  if (!original) throw new AppError("NOT_FOUND", "This delivery does not exist.");
  await db.webhookDelivery.create({
    data: {
      webhookId: original.webhookId,
      event: original.event,
      eventId: original.eventId,
      payload: original.payload as Prisma.InputJsonValue,
      redeliveryOf: original.id,
    },
  });
}
