import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, Prisma, type Tx } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { parseInput } from "@/lib/validation";
import { coveredChangesSince, type LoadedSection } from "./changed-since";
import { bindContent, coveredSections, diffSinceSnapshot, type Snapshot } from "./content";
import type { SectionDiffDTO } from "./dto";
import { approvalBlockedReason, approvalEditorsSql } from "./independence";
import { ZSubmitVerdict } from "./schemas";
import { lockDocumentRow, rederiveStatus } from "./status";

export type SubmittedVerdict = {
  id: string;
  kind: "APPROVE" | "REQUEST_CHANGES" | "COMMENT";
  revision: number;
  contentHash: string;
  status: string;
};

/**
 * A reviewer's verdict, bound to a SHA-256 of the content of the sections it covers
 * (their request's sections, or the whole doc) and a snapshot of each.
 * Callers need the doc "review" permission; the author may only comment, and so may,
 * as far as approving goes, whoever edited a covered section since the doc was last
 * approved (lib/reviews/independence.ts).
 *
 * INVARIANT: a verdict is only stored on the content the reviewer read. When a covered
 * section changed since they loaded it, it changes nothing and throws CONFLICT whose
 * data carries what changed, section by section, so the reviewer sees it before
 * deciding again. An edit of a section they do not cover, or a comment anchor, does
 * not refuse it (callers naming only the doc revision keep the old any-change rule).
 */
export async function submitVerdict(actor: Actor, docId: string, raw: unknown): Promise<SubmittedVerdict> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "review");
  const input = parseInput(ZSubmitVerdict, raw);
  if (input.kind !== "COMMENT" && actor.id === doc.authorId) {
    throw new AppError(
      "FORBIDDEN",
      input.kind === "APPROVE"
        ? "You cannot approve your own doc."
        : "You cannot request changes on your own doc; edit it or comment.",
    );
  }
  const outbox = new Outbox({ actorId: actor.id });
  const result = await db.$transaction(async (tx) => {
    const locked = await lockDocumentRow(tx, doc.id);
    const request = await tx.reviewRequest.findFirst({
      where: { documentId: doc.id, reviewerId: actor.id, cancelledAt: null },
      select: { sectionKeys: true },
    });
    const keys = request?.sectionKeys ?? [];
    if (input.kind === "APPROVE") {
      // Under the document row lock: no edit can land between this check and the verdict.
      const [editors] = await tx.$queryRaw<{ independentApproval: boolean | null; approvalEditors: unknown }[]>`
        SELECT ${approvalEditorsSql(Prisma.sql`${doc.id}`)}`;
      const blocked = approvalBlockedReason(editors!, actor.id, keys);
      if (blocked) throw new AppError("FORBIDDEN", blocked);
    }
    const sections = coveredSections(await loadSections(tx, doc.id), keys);
    const changed = await coveredChangesSince(tx, doc.id, sections, input, locked.revision);
    if (changed === null) throw await staleRevisionError(tx, doc.id, actor.id, locked.revision, input, sections);
    if (changed.length) throw changedError(input.revision, locked.revision, changed);

    const { snapshot, contentHash } = bindContent(sections);
    // The point in history it is given on: the doc's head under the row lock (no edit can land in between).
    const { headSeq } = await tx.document.findUniqueOrThrow({ where: { id: doc.id }, select: { headSeq: true } });
    const verdict = await tx.verdict.create({
      // createdAt taken after the row lock (not at transaction start) so "latest verdict" follows commit order.
      data: {
        createdAt: new Date(),
        documentId: doc.id,
        reviewerId: actor.id,
        kind: input.kind,
        body: input.body,
        revision: locked.revision,
        sectionKeys: keys,
        contentHash,
        snapshot: snapshot as Prisma.InputJsonValue,
        seq: headSeq,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "verdict.submitted",
      data: {
        verdictId: verdict.id,
        kind: input.kind,
        revision: locked.revision,
        contentHash,
        sections: keys,
        body: input.body,
      },
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

async function loadSections(tx: Tx, docId: string): Promise<LoadedSection[]> {
  return tx.section.findMany({
    where: { documentId: docId },
    orderBy: { order: "asc" },
    select: { id: true, key: true, title: true, version: true, content: true, text: true },
  });
}

function changedError(yourRevision: number, currentRevision: number, sections: SectionDiffDTO[]): AppError {
  const names = sections.map((s) => `“${s.title}”`).join(", ");
  return new AppError(
    "CONFLICT",
    `What you are reviewing changed since you read it (${names}). Look at what changed, then decide again.`,
    { data: { currentRevision, yourRevision, sections } },
  );
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
  sections: LoadedSection[],
): Promise<AppError> {
  const previous = await tx.verdict.findFirst({
    where: { documentId: docId, reviewerId },
    orderBy: { createdAt: "desc" },
    select: { snapshot: true },
  });
  let diff: SectionDiffDTO[] = previous ? diffSinceSnapshot(previous.snapshot as Snapshot, sections) : [];
  if (!previous && input.sectionVersions) {
    const seen = input.sectionVersions;
    diff = sections
      .filter((s) => seen[s.key] !== undefined && seen[s.key] !== s.version)
      .map((s) => ({
        key: s.key,
        title: s.title,
        before: null,
        after: s.text,
        parts: [{ kind: "added" as const, text: s.text }],
      }));
  }
  return new AppError(
    "CONFLICT",
    `The doc changed since you read it (revision ${input.revision} → ${currentRevision}). ` +
      "Look at what changed, then decide again.",
    {
      data: { currentRevision, yourRevision: input.revision, sections: diff },
    },
  );
}
