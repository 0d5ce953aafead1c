import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { commitSectionContent } from "@/lib/docs/content";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { sendNotificationsAfterCommit } from "@/lib/docs/content/effects/notifications";
import { parseInput } from "@/lib/validation";
import { requireDocAccess } from "@/lib/docs/access";
import { getPointMeta, parsePoint, sectionsAsOf } from "./points";
import { ZRestore } from "./schemas";

export type RestoreResult = {
  seq: number;
  /** Sections whose content changed back; unchanged ones wrote nothing. */
  restored: string[];
  unchanged: string[];
  /** Sections of that point that no longer exist (not brought back: add them again first). */
  missing: string[];
};

/**
 * Restore a section, some, or the whole doc to a point: each section's content then
 * becomes a new RESTORE version through the pipeline (stamps, audit, stale approvals by
 * the usual rules), in one transaction — never a rewrite of the past. Editors only.
 */
export async function restoreFromHistory(
  actor: Actor,
  docId: string,
  rawPoint: unknown,
  raw: unknown,
): Promise<RestoreResult> {
  const { sections: wanted } = parseInput(ZRestore, raw ?? {});
  const ctx = await requireDocAccess(actor, { id: docId }, "edit");
  const meta = await getPointMeta(ctx.doc.id, parsePoint(rawPoint, "INVALID_INPUT"));
  const then = await sectionsAsOf(ctx.doc.id, meta.seq);
  const unknown = wanted.filter((k) => !then.some((s) => s.key === k));
  if (unknown.length) throw new AppError("INVALID_INPUT", `No section "${unknown[0]}" at that point in history.`);
  const chosen = wanted.length ? then.filter((s) => wanted.includes(s.key)) : then;
  const existing = new Set(
    (await db.section.findMany({ where: { documentId: ctx.doc.id }, select: { key: true } })).map((s) => s.key),
  );
  const result: RestoreResult = { seq: Number(meta.seq), restored: [], unchanged: [], missing: [] };
  const outbox = new Outbox();
  await db.$transaction(async (tx) => {
    for (const s of chosen) {
      if (!existing.has(s.key)) {
        result.missing.push(s.key);
        continue;
      }
      const done = await commitSectionContent(
        {
          docId: ctx.doc.id,
          sectionKey: s.key,
          content: s.content,
          basis: { kind: "authoritative" },
          actor: { id: actor.id, name: actor.name },
          source: "restore",
          restoredFromSeq: meta.seq,
        },
        { tx, outbox, role: ctx.role },
      );
      (done.changed ? result.restored : result.unchanged).push(s.key);
    }
  });
  sendNotificationsAfterCommit(outbox);
  if (chosen.length && result.missing.length === chosen.length)
    throw new AppError("CONFLICT", "Those sections no longer exist in the doc; add them again to restore their text.");
  return result;
}
