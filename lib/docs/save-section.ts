import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, Prisma, type Tx } from "@/lib/db";
import { parseSectionContent } from "@/lib/editor/validate";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { AppError } from "@/lib/errors";
import { Outbox } from "@/lib/notifications/outbox";
import { keepCommentAnchors } from "@/lib/comments/reconcile";
import { lockDocForEdit, markApprovalsStale } from "@/lib/reviews/staleness";
import { parseInput } from "@/lib/validation";
import { requireDocAccess } from "./access";
import { canonicalJson } from "./canonical-json";
import { ZSaveSection } from "./schemas";

export type SavedSection = { version: number; updatedAt: Date; updatedBy: { id: string; name: string }; changed: boolean; /** The doc revision this save made; absent when nothing changed. */ docRevision?: number };

/** A stamp coalesces into the previous audit event when the same person edits again within this window. */
const AUDIT_COALESCE_MS = 15 * 60 * 1000;

/**
 * THE write path for section content: editor autosave, the JSON API and Markdown
 * import all call this (and a collaboration server would too). In order:
 * access check → envelope and content validation against the editor schema →
 * version-guarded update with stamps, cached HTML and doc revision → audit.
 *
 * INVARIANT: a save whose baseVersion is not the stored version changes nothing
 * and throws CONFLICT carrying the current content, so nobody is overwritten silently.
 */
export async function saveSection(actor: Actor, docId: string, sectionKey: string, raw: unknown): Promise<SavedSection> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "edit");
  const { baseVersion, content } = parseInput(ZSaveSection, raw);
  const parsed = parseSectionContent(content);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.message, { fieldErrors: { content: [parsed.message] } });
  const contentJson = parsed.doc as Prisma.InputJsonValue;

  const outbox = new Outbox();
  const result = await db.$transaction(async (tx) => {
    // Lock the row so the version check, the write and the audit decision see one state.
    const rows = await tx.$queryRaw<{ id: string; version: number; content: unknown; updatedById: string | null; updatedAt: Date }[]>`
      SELECT id, version, content, "updatedById", "updatedAt" FROM "Section"
      WHERE "documentId" = ${doc.id} AND key = ${sectionKey} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new AppError("NOT_FOUND", `This doc has no section "${sectionKey.slice(0, 60)}".`);
    if (current.version !== baseVersion) throw await conflictError(tx, current.id);
    if (canonicalJson(current.content) === canonicalJson(parsed.doc)) {
      // Nothing changed (a blur after a save, an identical retry): no new version.
      const by = current.updatedById ? await tx.user.findUnique({ where: { id: current.updatedById }, select: { id: true, name: true } }) : null;
      return { version: current.version, updatedAt: current.updatedAt, updatedBy: by ?? { id: actor.id, name: actor.name }, changed: false };
    }

    // Review flow: lock the doc row (serializes with verdicts) and refuse while an owner has locked the doc.
    const lockedDoc = await lockDocForEdit(tx, doc.id);
    const now = new Date();
    // The section and its doc's revision and stamps in one statement (this is the hot write path).
    // Stamps are UTC in timestamp(3) columns, as Prisma writes them, whatever the session's time zone.
    const at = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
    const [updated] = await tx.$queryRaw<{ version: number; revision: number }[]>`
      WITH s AS (
        UPDATE "Section" SET content = ${JSON.stringify(contentJson)}::jsonb, text = ${parsed.text}, html = ${renderDocToHTML(parsed.doc)},
          version = version + 1, "updatedAt" = ${at}, "updatedById" = ${actor.id}
        WHERE id = ${current.id} RETURNING version),
      d AS (
        UPDATE "Document" SET revision = revision + 1, "updatedAt" = ${at}, "updatedById" = ${actor.id}
        WHERE id = ${doc.id} RETURNING revision)
      SELECT s.version, d.revision FROM s, d`;
    if (!updated) throw new Error(`section ${current.id} or document ${doc.id} vanished inside its transaction`);
    const { revision } = updated;
    const continuing = current.updatedById === actor.id && now.getTime() - current.updatedAt.getTime() < AUDIT_COALESCE_MS;
    if (!continuing) {
      await recordAudit(tx, { workspaceId: doc.workspaceId, documentId: doc.id, actorId: actor.id, type: "section.edited", data: { section: sectionKey, fromVersion: baseVersion } });
    }
    // Review flow: approvals covering this section go stale and the status is derived again, in this transaction.
    await markApprovalsStale(tx, lockedDoc, sectionKey, actor, outbox);
    await keepCommentAnchors(tx, doc.id, sectionKey, current.content, parsed.doc); // comment threads follow their words, or fall back to the section
    return { version: updated.version, updatedAt: now, updatedBy: { id: actor.id, name: actor.name }, changed: true, docRevision: revision };
  });
  void outbox.flush(); // review notifications' emails, after commit, never awaited
  return result;
}

async function conflictError(tx: Tx, sectionId: string): Promise<AppError> {
  const s = await tx.section.findUniqueOrThrow({
    where: { id: sectionId },
    select: { version: true, content: true, html: true, updatedAt: true, updatedBy: { select: { id: true, name: true } } },
  });
  const who = s.updatedBy?.name ?? "Someone";
  return new AppError("CONFLICT", `${who} saved a newer version of this section while you were editing.`, {
    data: { current: { version: s.version, content: s.content, html: s.html, updatedAt: s.updatedAt.toISOString(), updatedBy: s.updatedBy } },
  });
}
