import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma, type Tx } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { parseInput } from "@/lib/validation";
import { bindContent, coveredSections, diffSinceSnapshot, type SectionContent, type Snapshot } from "./content";
import type { SectionDiffDTO } from "./dto";
import { ZSubmitVerdict } from "./schemas";
import { lockDocumentRow, rederiveStatus } from "./status";

export type SubmittedVerdict = { id: string; kind: "APPROVE" | "REQUEST_CHANGES" | "COMMENT"; revision: number; contentHash: string; status: string };

/**
 * A reviewer's verdict, bound to the doc revision they read and a SHA-256 of the
 * content of the sections it covers (their request's sections, or the whole doc).
 * Callers need the doc "review" permission; the author may only comment.
 *
 * INVARIANT: a verdict is only ever stored for the current revision. One based on an
 * older revision changes nothing and throws CONFLICT whose data carries what changed
 * since, section by section, so the reviewer sees it before deciding again.
 */
export async function submitVerdict(actor: Actor, docId: string, raw: unknown): Promise<SubmittedVerdict> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "review");
  const input = parseInput(ZSubmitVerdict, raw);
  if (input.kind !== "COMMENT" && actor.id === doc.authorId) {
    throw new AppError("FORBIDDEN", input.kind === "APPROVE" ? "You cannot approve your own doc." : "You cannot request changes on your own doc; edit it or comment.");
  }
  const outbox = new Outbox();
  const result = await db.$transaction(async (tx) => {
    const locked = await lockDocumentRow(tx, doc.id);
    const request = await tx.reviewRequest.findFirst({ where: { documentId: doc.id, reviewerId: actor.id, cancelledAt: null }, select: { sectionKeys: true } });
    const keys = request?.sectionKeys ?? [];
    const sections = coveredSections(await loadSections(tx, doc.id), keys);
    if (locked.revision !== input.revision) throw await staleRevisionError(tx, doc.id, actor.id, locked.revision, input, sections);

    const { snapshot, contentHash } = bindContent(sections);
    const verdict = await tx.verdict.create({
      // createdAt taken after the row lock (not at transaction start) so "latest verdict" follows commit order.
      data: { createdAt: new Date(), documentId: doc.id, reviewerId: actor.id, kind: input.kind, body: input.body, revision: locked.revision, sectionKeys: keys, contentHash, snapshot: snapshot as Prisma.InputJsonValue },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "verdict.submitted",
      data: { verdictId: verdict.id, kind: input.kind, revision: locked.revision, contentHash, sections: keys, body: input.body },
    });
    if (doc.authorId !== actor.id) {
      await outbox.notify(tx, {
        userId: doc.authorId,
        documentId: doc.id,
        type: "review.verdict",
        data: { docTitle: doc.title, docSlug: doc.slug, actorName: actor.name, kind: input.kind, body: input.body },
      });
    }
    const status = await rederiveStatus(tx, locked, actor.id, outbox);
    return { id: verdict.id, kind: input.kind, revision: locked.revision, contentHash, status };
  });
  void outbox.flush();
  return result;
}

async function loadSections(tx: Tx, docId: string): Promise<SectionContent[]> {
  return tx.section.findMany({ where: { documentId: docId }, orderBy: { order: "asc" }, select: { key: true, title: true, version: true, content: true, text: true } });
}

/**
 * What changed since the reviewer last looked: against their previous verdict's
 * snapshot when they have one, else the sections whose version differs from the
 * versions they had loaded (before text unknown).
 */
async function staleRevisionError(
  tx: Tx,
  docId: string,
  reviewerId: string,
  currentRevision: number,
  input: { revision: number; sectionVersions?: Record<string, number> },
  sections: SectionContent[],
): Promise<AppError> {
  const previous = await tx.verdict.findFirst({ where: { documentId: docId, reviewerId }, orderBy: { createdAt: "desc" }, select: { snapshot: true } });
  let diff: SectionDiffDTO[] = previous ? diffSinceSnapshot(previous.snapshot as Snapshot, sections) : [];
  if (!previous && input.sectionVersions) {
    const seen = input.sectionVersions;
    diff = sections
      .filter((s) => seen[s.key] !== undefined && seen[s.key] !== s.version)
      .map((s) => ({ key: s.key, title: s.title, before: null, after: s.text, parts: [{ kind: "added" as const, text: s.text }] }));
  }
  return new AppError("CONFLICT", `The doc changed since you read it (revision ${input.revision} → ${currentRevision}). Look at what changed, then decide again.`, {
    data: { currentRevision, yourRevision: input.revision, sections: diff },
  });
}
