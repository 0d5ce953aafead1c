import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma, type Tx } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { isEmptyDoc } from "@/lib/editor/validate";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { markApprovalsStale } from "@/lib/reviews/staleness";
import { newSectionKey } from "@/lib/templates/section-keys";
import { versionsAsOf } from "./as-of";
import { commitSectionContent } from "./commit";
import { contentHash } from "./derive";
import { sendNotificationsAfterCommit } from "./effects/notifications";
import {
  planRestore,
  restoreChanges,
  type LiveSection,
  type RestoreChange,
  type RestorePlan,
  type RestoreScope,
  type ThenSection,
} from "./restore-plan";
import {
  deleteSection,
  insertSection,
  lockForStructure,
  setSectionOrder,
  setSectionTitle,
  type StructureRow,
} from "./structure";

export type RestoreResult = {
  /** The doc's point in history after the restore (its headSeq). */
  seq: number;
  /** The point restored to. */
  from: number;
  /** Keys of the sections whose content changed back. */
  restored: string[];
  unchanged: string[];
  /** Sections removed since, brought back (with their content). */
  added: string[];
  /** Sections added since, removed (whole-doc restore). */
  removed: string[];
  /** Sections added since and kept: they have open comment threads. */
  kept: string[];
  renamed: string[];
  /** What changed, as the confirm dialog listed it. */
  changes: RestoreChange[];
};

export type RestorePreview = { from: number; changes: RestoreChange[]; reorders: boolean };

/**
 * Restore sections (some keys of then, or "all") to what they were at point `seq`. Each content that differs
 * becomes a new RESTORE version through the pipeline (stamps, audit, approvals follow their hashes: those of the
 * restored text count again, others go stale); a whole-doc restore also brings back the extra sections removed
 * since and removes those added since (restore-plan.ts says exactly what), each a STRUCTURE version. One
 * transaction; the past is never rewritten. Editors only (canEditContent). Unknown keys are a 422.
 */
export async function restoreSections(
  actor: Actor,
  docId: string,
  seq: bigint,
  scope: RestoreScope,
): Promise<RestoreResult> {
  const { doc, role } = await requireDocAccess(actor, { id: docId }, "edit");
  const outbox = new Outbox();
  const result = await db.$transaction(
    async (tx) => {
      // Every section row, then the doc row (the order content commits and structure changes take): no deadlock.
      const { doc: locked, sections } = await lockForStructure(tx, doc.id, role);
      const then = await readThen(tx, doc.id, seq, scope);
      const plan = planRestore(then, await liveSections(tx, doc.id, sections), scope);
      const done = await applyStructure(tx, { docId: doc.id, seq, actor, plan, locked, outbox, sections });
      const commit = (key: string, content: unknown) =>
        commitSectionContent(
          {
            docId: doc.id,
            sectionKey: key,
            content,
            basis: { kind: "authoritative" },
            actor,
            source: "restore",
            restoredFromSeq: seq,
          },
          { tx, outbox, role },
        );
      const restored: string[] = [];
      for (const s of plan.content) if ((await commit(s.key, s.content)).changed) restored.push(s.key);
      for (const b of done.broughtBack) await commit(b.key, b.content);
      if (done.structural)
        await tx.document.update({
          where: { id: doc.id },
          data: { revision: { increment: 1 }, updatedAt: new Date(), updatedById: actor.id },
        });
      const now = await tx.document.findUniqueOrThrow({ where: { id: doc.id }, select: { headSeq: true } });
      return {
        seq: Number(now.headSeq),
        from: Number(seq),
        restored,
        unchanged: plan.unchanged,
        added: done.broughtBack.map((b) => b.key),
        removed: plan.remove.map((s) => s.key),
        kept: plan.keep.map((s) => s.key),
        renamed: plan.rename.map((r) => r.key),
        changes: restoreChanges(plan),
      };
    },
    { timeout: 30_000 },
  );
  sendNotificationsAfterCommit(outbox);
  return result;
}

/** What restoreSections would change now (the confirm dialog lists it). Editors only, as the restore. */
export async function previewRestore(
  actor: Actor,
  docId: string,
  seq: bigint,
  scope: RestoreScope,
): Promise<RestorePreview> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "edit");
  const [then, rows] = await Promise.all([
    readThen(db, doc.id, seq, scope),
    db.section.findMany({
      where: { documentId: doc.id },
      select: { id: true, key: true, title: true, order: true, extra: true, content: true, contentHash: true },
    }),
  ]);
  const plan = planRestore(then, await liveSections(db, doc.id, rows), scope);
  return { from: Number(seq), changes: restoreChanges(plan), reorders: plan.reorders };
}

async function readThen(client: Tx | typeof db, docId: string, seq: bigint, scope: RestoreScope) {
  const head = await client.document.findUniqueOrThrow({ where: { id: docId }, select: { headSeq: true } });
  const then: ThenSection[] = seq < 0n || seq > head.headSeq ? [] : await versionsAsOf(client, docId, seq);
  if (then.length === 0) throw new AppError("NOT_FOUND", "This doc has no such point in its history.");
  if (scope !== "all") {
    const missing = scope.filter((k) => !then.some((s) => s.key === k && !s.removed));
    if (missing.length)
      throw new AppError("INVALID_INPUT", `The doc had no section “${missing[0]!.slice(0, 60)}” at that point.`);
  }
  return then;
}

async function liveSections(client: Tx | typeof db, docId: string, rows: readonly StructureRow[]) {
  const open = await client.commentThread.findMany({
    where: { documentId: docId, resolvedAt: null },
    select: { sectionKey: true },
    distinct: ["sectionKey"],
  });
  const withThreads = new Set(open.map((t) => t.sectionKey));
  return rows.map((r): LiveSection => ({
    id: r.id,
    key: r.key,
    title: r.title,
    order: r.order,
    extra: r.extra,
    hash: r.contentHash || contentHash(r.content),
    openThreads: withThreads.has(r.key),
  }));
}

type StructureStep = {
  docId: string;
  seq: bigint;
  actor: Actor;
  plan: RestorePlan;
  locked: Awaited<ReturnType<typeof lockForStructure>>["doc"];
  outbox: Outbox;
  sections: readonly StructureRow[];
};

/** Removals, sections brought back (empty: the pipeline then writes their content), titles, then places. */
async function applyStructure(tx: Tx, step: StructureStep) {
  const { docId, seq, actor, plan } = step;
  const audit = (type: string, data: Record<string, Prisma.InputJsonValue>) =>
    recordAudit(tx, {
      workspaceId: step.locked.workspaceId,
      documentId: docId,
      actorId: actor.id,
      type,
      data: { ...data, restoredFromSeq: String(seq) },
    });
  for (const s of plan.remove) {
    const row = step.sections.find((r) => r.id === s.id)!;
    if (!isEmptyDoc(row.content as Prisma.JsonObject))
      await markApprovalsStale(tx, step.locked, s.key, actor, step.outbox);
    await deleteSection(tx, { docId, sectionId: s.id, actorId: actor.id });
    await audit("section.removed", { section: s.key, title: s.title, content: row.content as Prisma.InputJsonValue });
  }
  const removed = new Set(plan.remove.map((s) => s.id));
  const taken = new Set(step.sections.filter((r) => !removed.has(r.id)).map((r) => r.key));
  const broughtBack: { key: string; content: unknown }[] = [];
  const versions = await lastVersions(
    tx,
    plan.bringBack.map((s) => s.sectionId),
  );
  for (const s of plan.bringBack) {
    // The key of then, unless a section added since has taken it (and stays): then a new one from the title.
    const key = taken.has(s.key) ? newSectionKey(s.title, taken) : (taken.add(s.key), s.key);
    const again = { id: s.sectionId, version: versions.get(s.sectionId) ?? 1 };
    await insertSection(tx, { docId, key, title: s.title, order: s.order, actorId: actor.id }, again);
    await audit("section.added", { section: key, title: s.title });
    broughtBack.push({ key, content: s.content });
  }
  for (const r of plan.rename) {
    await setSectionTitle(tx, { docId, sectionId: r.sectionId, title: r.to, actorId: actor.id });
    await audit("section.renamed", { section: r.key, from: r.from, to: r.to });
  }
  const rows = await tx.$queryRaw<StructureRow[]>`
    SELECT id, key, title, "order", extra, content, "contentHash" FROM "Section" WHERE "documentId" = ${docId}`;
  const place = new Map(plan.order.map((id, i) => [id, i]));
  const ordered = [...rows].sort((a, b) => (place.get(a.id) ?? a.order) - (place.get(b.id) ?? b.order));
  await setSectionOrder(tx, docId, ordered, actor.id);
  const structural = plan.remove.length + plan.bringBack.length + plan.rename.length > 0 || plan.reorders;
  return { broughtBack, structural };
}

async function lastVersions(tx: Tx, sectionIds: readonly string[]): Promise<Map<string, number>> {
  if (sectionIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ sectionId: string; version: number }[]>`
    SELECT "sectionId", max(version) AS version FROM "SectionVersion"
    WHERE "sectionId" = ANY(${sectionIds}::text[]) GROUP BY "sectionId"`;
  return new Map(rows.map((r) => [r.sectionId, Number(r.version)]));
}
