import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SectionVersionKind, Tx } from "@/lib/db";

/** A stamp coalesces into the previous audit event when the same person edits again within this window. */
const AUDIT_COALESCE_MS = 15 * 60 * 1000;

/**
 * Effect: the audit trail of a content change. Edits (editor, API, collaboration) by the
 * person who also made the previous one within 15 minutes are one event; a restore is
 * always its own event. Annotations are audited by their comment; imports by the import.
 */
export type ContentChange = {
  workspaceId: string;
  docId: string;
  actorId: string | null;
  sectionKey: string;
  kind: SectionVersionKind;
  fromVersion: number;
  previous: { updatedById: string | null; updatedAt: Date };
  at: Date;
  restoredFromSeq?: bigint;
};

/** Whether this change makes an audit event (else it continues the author's last one, or is audited elsewhere). */
export function auditsContentChange(change: ContentChange): boolean {
  if (change.kind === "RESTORE") return true;
  if (change.kind !== "EDIT" && change.kind !== "COLLAB") return false;
  const continuing =
    change.previous.updatedById === change.actorId &&
    change.at.getTime() - change.previous.updatedAt.getTime() < AUDIT_COALESCE_MS;
  return !continuing;
}

export async function auditContentChange(tx: Tx, change: ContentChange): Promise<void> {
  const base = { workspaceId: change.workspaceId, documentId: change.docId, actorId: change.actorId };
  if (change.kind === "RESTORE") {
    await recordAudit(tx, {
      ...base,
      type: "section.restored",
      data: { section: change.sectionKey, fromVersion: change.fromVersion, seq: String(change.restoredFromSeq ?? "") },
    });
    return;
  }
  if (!auditsContentChange(change)) return;
  await recordAudit(tx, {
    ...base,
    type: "section.edited",
    data: { section: change.sectionKey, fromVersion: change.fromVersion },
  });
}
