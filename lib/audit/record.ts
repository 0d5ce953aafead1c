import "server-only";
import type { Prisma, Tx } from "@/lib/db";
import { enqueueWebhookEvents } from "@/lib/webhooks/emit";

/** Append one audit event inside the caller's transaction (INVARIANT: audit rows are never updated). */
export async function recordAudit(
  tx: Tx,
  event: {
    workspaceId: string;
    documentId?: string | null;
    actorId: string | null;
    type: string;
    data?: Prisma.InputJsonValue;
  },
): Promise<void> {
  const row = await tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId,
      documentId: event.documentId ?? null,
      actorId: event.actorId,
      type: event.type,
      data: event.data ?? {},
    },
  });
  // Webhooks announce audited changes, queued in this same transaction (lib/webhooks/emit.ts).
  await enqueueWebhookEvents(tx, row);
}
