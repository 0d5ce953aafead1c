import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import type { WebhookEvent } from "./events";
import type { WebhookPayload } from "./payload";

/**
 * Webhook events come from the audit trail: every domain change that a webhook can announce already records an
 * audit event inside its transaction (lib/audit/record.ts calls enqueueWebhookEvents). So deliveries are queued in
 * the same transaction as the change — a rolled-back change announces nothing, a committed one is never lost — and
 * no domain function needs to know webhooks exist. This table says which audit events become which webhook events.
 */
const FROM_AUDIT: Record<string, (data: Record<string, unknown>) => WebhookEvent | null> = {
  "doc.created": () => "doc.created",
  "review.requested": () => "review.requested",
  "verdict.submitted": () => "review.verdict",
  "status.changed": (d) => (d.to === "APPROVED" ? "doc.approved" : null),
  "approval.stale": () => "approval.stale",
  "comment.created": () => "comment.created",
  "comment.replied": () => "comment.created",
  "share_link.created": () => "share_link.created",
  "share_link.revoked": () => "share_link.revoked",
};

/** section.saved waits until the doc has been quiet this long, and never longer than SECTION_SAVED_MAX_WAIT_MS. */
export const SECTION_SAVED_QUIET_MS = 60_000;
export const SECTION_SAVED_MAX_WAIT_MS = 5 * 60_000;

export type AuditRecord = {
  id: string;
  workspaceId: string;
  documentId: string | null;
  actorId: string | null;
  type: string;
  data: unknown;
  createdAt: Date;
};

const appUrl = () => (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");

/** Queue a delivery of this audit event to every active endpoint of its workspace that subscribed to it. */
export async function enqueueWebhookEvents(tx: Tx, audit: AuditRecord): Promise<void> {
  const data = (audit.data && typeof audit.data === "object" ? audit.data : {}) as Record<string, unknown>;
  const event = FROM_AUDIT[audit.type]?.(data);
  if (!event) return;
  const hooks = await tx.webhook.findMany({
    where: { workspaceId: audit.workspaceId, disabledAt: null, events: { has: event } },
    select: { id: true },
  });
  if (hooks.length === 0) return;
  const payload = await buildPayload(tx, audit, event, data);
  await tx.webhookDelivery.createMany({
    data: hooks.map((h) => ({ webhookId: h.id, event, eventId: audit.id, payload: payload as Prisma.InputJsonValue })),
  });
}

/**
 * A section save, for the content pipeline to call inside the save's transaction (section saves are not taken from
 * the audit trail: it coalesces a person's consecutive edits, and webhooks debounce on their own). `eventId` names
 * the save, e.g. the section version it made.
 */
export async function emitSectionSaved(
  tx: Tx,
  save: { eventId: string; workspaceId: string; documentId: string; actorId: string | null; sectionKey: string },
): Promise<void> {
  const hooks = await tx.webhook.findMany({
    where: { workspaceId: save.workspaceId, disabledAt: null, events: { has: "section.saved" } },
    select: { id: true },
  });
  if (hooks.length === 0) return;
  const audit: AuditRecord = {
    id: save.eventId,
    workspaceId: save.workspaceId,
    documentId: save.documentId,
    actorId: save.actorId,
    type: "section.saved",
    data: { section: save.sectionKey },
    createdAt: new Date(),
  };
  const payload = await buildPayload(tx, audit, "section.saved", { section: save.sectionKey });
  for (const hook of hooks) await queueSectionSaved(tx, hook.id, audit, payload);
}

async function buildPayload(
  tx: Tx,
  audit: AuditRecord,
  event: WebhookEvent,
  data: Record<string, unknown>,
): Promise<WebhookPayload> {
  const [workspace, doc, actor] = await Promise.all([
    tx.workspace.findUniqueOrThrow({ where: { id: audit.workspaceId }, select: { id: true, slug: true, name: true } }),
    audit.documentId
      ? tx.document.findUnique({
          where: { id: audit.documentId },
          select: { id: true, title: true, slug: true, status: true },
        })
      : null,
    audit.actorId ? tx.user.findUnique({ where: { id: audit.actorId }, select: { id: true, name: true } }) : null,
  ]);
  let shown: Record<string, unknown> = data;
  if (event === "section.saved") {
    const key = String(data.section ?? "");
    const section = audit.documentId
      ? await tx.section.findFirst({ where: { documentId: audit.documentId, key }, select: { title: true } })
      : null;
    shown = { sections: [{ key, name: section?.title ?? key }] };
  }
  if (event === "comment.created") shown = { ...data, reply: audit.type === "comment.replied" };
  return {
    id: audit.id,
    type: event,
    createdAt: audit.createdAt.toISOString(),
    workspace,
    doc: doc ? { ...doc, status: doc.status.toLowerCase(), url: `${appUrl()}/docs/${doc.slug}` } : null,
    actor,
    data: shown,
  };
}

/**
 * One waiting section.saved per endpoint and doc: a later save merges its section into the waiting delivery and
 * pushes it back until the doc is quiet (SECTION_SAVED_QUIET_MS), but not past SECTION_SAVED_MAX_WAIT_MS.
 */
async function queueSectionSaved(tx: Tx, webhookId: string, audit: AuditRecord, payload: WebhookPayload) {
  const key = `doc:${audit.documentId}`;
  const now = Date.now();
  const json = JSON.stringify(payload);
  const quietUntil = new Date(now + SECTION_SAVED_QUIET_MS);
  const maxWait = `${SECTION_SAVED_MAX_WAIT_MS} milliseconds`;
  // Raw SQL: merging the waiting delivery's section list is a jsonb expression Prisma cannot say.
  const merged = await tx.$executeRaw`
    UPDATE "WebhookDelivery" SET
      "eventId" = ${audit.id},
      "nextAttemptAt" = LEAST(${quietUntil}, "createdAt" + ${maxWait}::interval),
      payload = jsonb_set(${json}::jsonb, '{data,sections}', (
        SELECT coalesce(jsonb_agg(DISTINCT s), '[]'::jsonb)
        FROM jsonb_array_elements(
          coalesce(payload->'data'->'sections', '[]'::jsonb) || (${json}::jsonb->'data'->'sections')) s
      ))
    WHERE "webhookId" = ${webhookId} AND "debounceKey" = ${key} AND status = 'PENDING' AND attempts = 0`;
  if (merged > 0) return;
  await tx.webhookDelivery.create({
    data: {
      webhookId,
      event: "section.saved",
      eventId: audit.id,
      debounceKey: key,
      payload: payload as unknown as Prisma.InputJsonValue,
      nextAttemptAt: new Date(now + SECTION_SAVED_QUIET_MS),
    },
  });
}
