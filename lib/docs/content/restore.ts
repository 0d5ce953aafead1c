import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { commitSectionContent } from "./commit";
import { sendNotificationsAfterCommit } from "./effects/notifications";

export type RestoreResult = {
  /** Keys of the sections whose content changed back. */
  restored: string[];
  /** The doc's point in history after the restore (headSeq). */
  seq: bigint;
};

type Then = { sectionId: string; sectionKey: string; removed: boolean; content: JSONContent };

/**
 * Bring sections (some keys, or "all") back to what they held at point `seq`: each one
 * whose content differs becomes a new RESTORE version through the pipeline (stamps, audit,
 * approvals follow their hashes: those of the restored text count again, others go stale),
 * all in one transaction. The past is never rewritten. Editors only (canEditContent).
 *
 * Sections that did not exist at `seq`, and sections removed since, are left as they are:
 * a restore changes content, not the doc's structure. Unknown keys are a 422.
 */
export async function restoreSections(
  actor: Actor,
  docId: string,
  seq: bigint,
  sectionKeys: readonly string[] | "all",
): Promise<RestoreResult> {
  const { doc, role } = await requireDocAccess(actor, { id: docId }, "edit");
  const head = await db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { headSeq: true } });
  if (seq < 0n || seq > head.headSeq) throw new AppError("NOT_FOUND", "This doc has no such point in its history.");
  const then = await sectionsAsOf(db, doc.id, seq);
  const wanted = sectionKeys === "all" ? then : then.filter((s) => sectionKeys.includes(s.sectionKey));
  if (sectionKeys !== "all") {
    const missing = sectionKeys.filter((k) => !then.some((s) => s.sectionKey === k));
    if (missing.length)
      throw new AppError("INVALID_INPUT", `The doc had no section “${missing[0]!.slice(0, 60)}” at that point.`);
  }
  const outbox = new Outbox();
  const result = await db.$transaction(
    async (tx) => {
      // Every section first, in one order, then the doc row (commitSectionContent's order): no deadlock with saves.
      const ids = wanted.map((s) => s.sectionId);
      const live = await tx.$queryRaw<{ id: string; key: string }[]>`
        SELECT id, key FROM "Section" WHERE "documentId" = ${doc.id} AND id = ANY(${ids}::text[])
        ORDER BY id FOR UPDATE`;
      const restored: string[] = [];
      for (const s of wanted) {
        const row = live.find((l) => l.id === s.sectionId);
        if (!row || s.removed) continue;
        const committed = await commitSectionContent(
          {
            docId: doc.id,
            sectionKey: row.key,
            content: s.content,
            basis: { kind: "authoritative" },
            actor,
            source: "restore",
            restoredFromSeq: seq,
          },
          { tx, outbox, role },
        );
        if (committed.changed) restored.push(row.key);
      }
      const now = await tx.document.findUniqueOrThrow({ where: { id: doc.id }, select: { headSeq: true } });
      return { restored, seq: now.headSeq };
    },
    { timeout: 30_000 },
  );
  sendNotificationsAfterCommit(outbox);
  return result;
}

/** Each section's latest version at or before `seq` (the doc as of that point). */
export async function sectionsAsOf(client: Tx | typeof db, docId: string, seq: bigint): Promise<Then[]> {
  return client.$queryRaw<Then[]>`
    SELECT DISTINCT ON ("sectionId") "sectionId", "sectionKey", removed, content FROM "SectionVersion"
    WHERE "documentId" = ${docId} AND seq <= ${seq}
    ORDER BY "sectionId", seq DESC`;
}
