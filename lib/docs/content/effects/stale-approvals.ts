import "server-only";
import type { Tx } from "@/lib/db";
import type { Outbox } from "@/lib/notifications/outbox";
import { syncApprovals } from "@/lib/reviews/staleness";
import type { LockedDoc } from "@/lib/reviews/status";

/**
 * Effect: approvals follow the covered sections' hashes (lib/reviews/staleness.ts): one whose
 * section now differs from what was approved goes stale, one whose sections are all back to the
 * approved text counts again, and the doc's status is derived again. Annotations never get here.
 */
export async function staleApprovalsOf(
  tx: Tx,
  doc: LockedDoc,
  sectionKey: string,
  content: unknown,
  actor: { id: string; name: string },
  outbox: Outbox,
): Promise<void> {
  await syncApprovals(tx, doc, sectionKey, content, actor, outbox);
}
