import "server-only";
import type { Outbox } from "@/lib/notifications/outbox";

/**
 * Effect: emails of the notifications the other effects wrote in the transaction, sent
 * after it committed and never awaited (mail never blocks or fails a save).
 */
export function sendNotificationsAfterCommit(outbox: Outbox): void {
  void outbox.flush();
}
