import "server-only";
import type { AnchorUpdate } from "@/lib/comments/reconcile";
import type { Tx } from "@/lib/db";

/**
 * Effect: threads follow their words (quote updated) or fall back to the section
 * ("text removed"). The marks themselves are part of the committed content
 * (planCommentAnchors runs in the pipeline's derive step), so this writes threads only.
 */
export async function applyAnchorUpdates(tx: Tx, updates: readonly AnchorUpdate[]): Promise<void> {
  for (const u of updates) {
    await tx.commentThread.update({
      where: { id: u.id },
      data: "quote" in u ? { quote: u.quote } : { anchor: u.anchor },
    });
  }
}
