import "server-only";
import type { JSONContent } from "@tiptap/core";
import { planCommentAnchors } from "@/lib/comments/reconcile";
import { db, Prisma, type Tx } from "@/lib/db";
import { isEmptyDoc } from "@/lib/editor/text";
import { parseSectionContent } from "@/lib/editor/validate";
import { AppError, isAppError } from "@/lib/errors";
import { checkRemoteImages } from "@/lib/media/remote-images";
import { Outbox } from "@/lib/notifications/outbox";
import type { DocRole } from "@/lib/docs/policy";
import { canEditContent } from "./can-edit";
import { contentHash, deriveContent } from "./derive";
import { auditContentChange, auditsContentChange } from "./effects/audit";
import { applyAnchorUpdates } from "./effects/comment-anchors";
import { notifySectionMentions, resolveSectionMentions } from "./effects/mentions";
import { sendNotificationsAfterCommit } from "./effects/notifications";
import { staleApprovalsOf } from "./effects/stale-approvals";
import { announceSectionSaved } from "./effects/webhooks";
import { authorOf, conflictError, lockForCommit, NOT_FOUND, type LockedSection } from "./rows";
import { inPlainTransaction, NeedsPrismaTransaction, sqlOnTx, type CommitSql } from "./sql";
import { KIND_OF_SOURCE, type CommitInput, type CommitResult } from "./types";
import { writeSectionVersion } from "./write";

export type CommitOptions = {
  /** Run inside the caller's transaction (the caller flushes `outbox` after it commits). */
  tx?: Tx;
  outbox?: Outbox;
  /** The caller's role when it already resolved it (requireDocAccess); else it is resolved from actor.id. */
  role?: DocRole;
};

/**
 * THE write of section content: editor autosave, the JSON API, comment anchors,
 * restore and the collaboration server's store all come here (imports and new docs
 * through create-sections.ts, titles and places through structure.ts, same module).
 *
 * lock (section row, then doc row) → guard (canEditContent) → basis → derive (anchors
 * kept, text, HTML, hash) → no-op check → write section + SectionVersion + doc stamps
 * (one statement) → effects (audit, stale approvals, anchors, mentions, notifications). The doc
 * page cache needs no effect: its key is computed from the rows this writes.
 *
 * INVARIANT: a "version" basis older than the stored version is a 409 carrying the
 * current content, unless everything since is annotation (comment marks), which the
 * anchor step puts back on the writer's content. Nothing is overwritten silently.
 */
export async function commitSectionContent(input: CommitInput, opts: CommitOptions = {}): Promise<CommitResult> {
  const kind = KIND_OF_SOURCE[input.source];
  // Without an account and a role given by the caller, there is nobody to grant anything.
  if (!opts.role && !input.actor.id) throw new AppError("NOT_FOUND", NOT_FOUND);
  // Untrusted JSON is validated before any lock is taken.
  const parsed = typeof input.content === "function" ? null : parseSectionContent(input.content);
  if (parsed && !parsed.ok)
    throw new AppError("INVALID_INPUT", parsed.message, { fieldErrors: { content: [parsed.message] } });
  // Text, HTML and hash before any lock too: under the locks only a re-anchored content is derived again.
  const early = parsed?.ok ? deriveContent(parsed.doc, parsed.text) : null;

  const outbox = opts.outbox ?? new Outbox();
  const run = async (sql: CommitSql): Promise<CommitResult> => {
    // One round trip: the locks (section, then doc), the caller's role when not given, what the effects look at.
    const locked = await lockForCommit(sql, input.docId, input.sectionKey, opts.role ? null : input.actor.id);
    const { section: current, doc } = locked;
    const role = opts.role ?? locked.role;
    const allowed = canEditContent(
      { role, archived: !!doc.archivedAt, locked: !!doc.lockedAt },
      kind === "ANNOTATION" ? "annotate" : "edit",
    );
    if (!allowed.ok) throw new AppError(allowed.code, allowed.message);
    await checkBasis(sql, input, current);

    const asked = parsed?.ok
      ? parsed.doc
      : (input.content as (c: JSONContent) => JSONContent)(current.content as JSONContent);
    if (kind !== "ANNOTATION") checkRemoteImages(current.content, asked, locked.remoteImages);
    const mentions =
      kind === "ANNOTATION"
        ? { content: asked, added: [] }
        : await resolveSectionMentions(sql.prisma, doc, current.content, asked, input.source);
    const proposed = mentions.content;
    const anchors = planCommentAnchors(current.anchored, current.content, proposed);
    const derived =
      early && anchors.content === early.content
        ? early
        : deriveContent(anchors.content, parsed?.ok && proposed === asked ? parsed.text : undefined);
    // Same hash of the canonical JSON = same content (a blur after a save, an identical retry): nothing is written.
    if (derived.contentHash === (current.contentHash || contentHash(current.content))) return unchanged(sql, current);

    const at = new Date();
    const audit = {
      workspaceId: doc.workspaceId,
      docId: doc.id,
      actorId: input.actor.id,
      sectionKey: input.sectionKey,
      kind,
      fromVersion: current.version,
      previous: current,
      at,
      restoredFromSeq: input.restoredFromSeq,
    };
    const approvals = kind !== "ANNOTATION" && input.actor.id !== null && current.approvals;
    // Every effect but the write is Prisma code: without a Prisma transaction, only a save that has none runs here.
    const tx = sql.prisma;
    if (!tx && (anchors.updates.length > 0 || auditsContentChange(audit) || locked.sectionHooks || approvals))
      throw new NeedsPrismaTransaction();

    const written = await writeSectionVersion(sql, {
      docId: doc.id,
      section: current,
      kind,
      derived,
      actorId: input.actor.id,
      authorIds: [...new Set([input.actor.id, ...(input.coAuthorIds ?? [])].filter((id) => id !== null))],
      restoredFromSeq: input.restoredFromSeq ?? null,
      at,
    });

    if (tx) {
      await applyAnchorUpdates(tx, anchors.updates);
      await auditContentChange(tx, audit);
      if (locked.sectionHooks)
        await announceSectionSaved(tx, {
          workspaceId: doc.workspaceId,
          docId: doc.id,
          actorId: input.actor.id,
          sectionKey: input.sectionKey,
          sectionId: current.id,
          version: written.version,
          kind,
        });
      if (approvals && input.actor.id)
        await staleApprovalsOf(
          tx,
          doc,
          input.sectionKey,
          derived.content,
          { id: input.actor.id, name: input.actor.name },
          outbox,
        );
      if (mentions.added.length)
        await notifySectionMentions(tx, outbox, {
          doc,
          section: current,
          actor: input.actor,
          added: mentions.added,
          text: derived.text,
        });
    }
    return {
      changed: true,
      version: written.version,
      seq: written.seq,
      contentHash: derived.contentHash,
      updatedAt: kind === "ANNOTATION" ? current.updatedAt : at,
      updatedBy:
        kind === "ANNOTATION" || !input.actor.id
          ? await authorOf(sql, current.updatedById)
          : { id: input.actor.id, name: input.actor.name },
      ...(written.revision !== null && { docRevision: written.revision }),
      emptinessChanged: isEmptyDoc(current.content as JSONContent) !== isEmptyDoc(derived.content as JSONContent),
    };
  };

  if (opts.tx) return run(sqlOnTx(opts.tx));
  let result: CommitResult;
  try {
    result = await inPlainTransaction(run);
  } catch (error) {
    if (!(error instanceof NeedsPrismaTransaction)) throw error;
    // Under a burst (50 writers, a pool of 10) a save waits for a connection rather than failing.
    result = await db.$transaction((tx) => run(sqlOnTx(tx)), { maxWait: 15_000, timeout: 20_000 });
  }
  sendNotificationsAfterCommit(outbox);
  return result;
}

const UNMERGED_OUTSIDE_WRITE = "The section was written outside the live doc; merging it first.";

/** A live store refused until the live doc has merged a version written outside it (see `Basis`). */
export const isUnmergedOutsideWrite = (error: unknown): boolean =>
  isAppError(error) && (error.details.data as { unmerged?: boolean } | undefined)?.unmerged === true;

/** The writer's basis must be the stored version, or older by annotations only. */
async function checkBasis(sql: CommitSql, input: CommitInput, current: LockedSection): Promise<void> {
  if (input.basis.kind === "authoritative") return;
  if (input.basis.kind === "live") {
    const { known } = input.basis;
    if (known === undefined || known >= current.version) return;
    // Comment anchors are put back on the live content below; live docs' own versions hold what they merged.
    const [outside] = await sql.query<{ n: number }>(Prisma.sql`
      SELECT 1 AS n FROM "SectionVersion" WHERE "sectionId" = ${current.id} AND version > ${known}
        AND kind NOT IN ('COLLAB', 'ANNOTATION', 'STRUCTURE') LIMIT 1`);
    if (outside) throw new AppError("CONFLICT", UNMERGED_OUTSIDE_WRITE, { data: { unmerged: true } });
    return;
  }
  if (input.basis.version === current.version) return;
  if (input.basis.version > current.version || input.basis.version < 1) throw await conflictError(sql, current.id);
  const [edited] = await sql.query<{ n: number }>(Prisma.sql`
    SELECT 1 AS n FROM "SectionVersion" WHERE "sectionId" = ${current.id} AND version > ${input.basis.version}
      AND kind NOT IN ('ANNOTATION', 'STRUCTURE') LIMIT 1`);
  if (edited) throw await conflictError(sql, current.id);
}

async function unchanged(sql: CommitSql, current: LockedSection): Promise<CommitResult> {
  return {
    changed: false,
    version: current.version,
    seq: null,
    contentHash: current.contentHash,
    updatedAt: current.updatedAt,
    updatedBy: await authorOf(sql, current.updatedById),
  };
}
