import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma, type Tx } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { coveredSections, type Snapshot } from "./content";
import { latestDecisive } from "./derive-status";
import { lockDocumentRow } from "./status";

/**
 * "Re-request review" (GitHub's button): after changes were requested and the doc was edited since, ask the
 * same reviewers again in one step. Each reviewer whose standing verdict is "request changes" on an older
 * revision is notified with the sections that changed since their verdict (the diff itself is shown on the doc
 * page, lib/reviews/queries.ts). Their verdict stays on record until they decide again. Editors only.
 */
export async function reRequestReview(actor: Actor, docId: string): Promise<{ reRequested: number }> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "edit");
  const outbox = new Outbox({ actorId: actor.id });
  const result = await db.$transaction(async (tx) => {
    const locked = await lockDocumentRow(tx, doc.id);
    const [requests, verdicts, sections] = await Promise.all([
      tx.reviewRequest.findMany({
        where: { documentId: doc.id, cancelledAt: null },
        select: { id: true, reviewerId: true, sectionKeys: true },
      }),
      tx.verdict.findMany({
        where: { documentId: doc.id, kind: { in: ["APPROVE", "REQUEST_CHANGES"] } },
        select: { id: true, reviewerId: true, kind: true, sectionKeys: true, staleAt: true, createdAt: true },
      }),
      tx.section.findMany({ where: { documentId: doc.id }, orderBy: { order: "asc" }, select: sectionSelect }),
    ]);
    const latest = latestDecisive(verdicts.map((v) => ({ ...v, stale: !!v.staleAt })));
    const now = new Date();
    let count = 0;
    for (const r of requests) {
      const verdict = latest.get(r.reviewerId);
      if (verdict?.kind !== "REQUEST_CHANGES") continue;
      const changed = await changedSince(tx, verdict.id, coveredSections(sections, verdict.sectionKeys));
      if (changed.length === 0) continue;
      await tx.reviewRequest.update({ where: { id: r.id }, data: { rerequestedAt: now } });
      await recordAudit(tx, {
        workspaceId: doc.workspaceId,
        documentId: doc.id,
        actorId: actor.id,
        type: "review.rerequested",
        data: { reviewerId: r.reviewerId, verdictId: verdict.id, sections: changed },
      });
      await outbox.notify(tx, {
        userId: r.reviewerId,
        documentId: doc.id,
        type: "review.rerequested",
        data: { docTitle: locked.title, docSlug: locked.slug, actorName: actor.name, sections: changed },
      });
      count += 1;
    }
    if (count === 0)
      throw new AppError(
        "CONFLICT",
        "Nobody is waiting on your changes: re-request review after a reviewer asked for changes and you edited.",
      );
    return { reRequested: count };
  });
  void outbox.flush();
  return result;
}

const sectionSelect = { key: true, title: true, version: true } satisfies Prisma.SectionSelect;

/** Titles of the covered sections whose version moved since the verdict's snapshot (or that it did not know). */
async function changedSince(
  tx: Tx,
  verdictId: string,
  sections: { key: string; title: string; version: number }[],
): Promise<string[]> {
  const { snapshot } = await tx.verdict.findUniqueOrThrow({ where: { id: verdictId }, select: { snapshot: true } });
  const before = snapshot as Snapshot;
  return sections.filter((s) => before[s.key]?.version !== s.version).map((s) => s.title);
}
