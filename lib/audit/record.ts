import "server-only";
import type { Prisma, Tx } from "@/lib/db";

/** Append one audit event inside the caller's transaction (INVARIANT: audit rows are never updated). */
export async function recordAudit(
  tx: Tx,
  event: { workspaceId: string; documentId?: string | null; actorId: string | null; type: string; data?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditEvent.create({
    data: { workspaceId: event.workspaceId, documentId: event.documentId ?? null, actorId: event.actorId, type: event.type, data: event.data ?? {} },
  });
}
