import "server-only";
import type { SectionVersionKind, Tx } from "@/lib/db";
import { emitSectionSaved } from "@/lib/webhooks/emit";

/**
 * Effect: webhooks hear of a saved section (a section.saved event, debounced per doc by lib/webhooks/emit.ts),
 * queued in the commit's transaction: edits, collaboration stores and restores (annotations and structure are not).
 */
export async function announceSectionSaved(
  tx: Tx,
  change: {
    workspaceId: string;
    docId: string;
    actorId: string | null;
    sectionKey: string;
    sectionId: string;
    version: number;
    kind: SectionVersionKind;
  },
): Promise<void> {
  if (change.kind !== "EDIT" && change.kind !== "COLLAB" && change.kind !== "RESTORE") return;
  await emitSectionSaved(tx, {
    eventId: `${change.sectionId}:v${change.version}`,
    workspaceId: change.workspaceId,
    documentId: change.docId,
    actorId: change.actorId,
    sectionKey: change.sectionKey,
  });
}
