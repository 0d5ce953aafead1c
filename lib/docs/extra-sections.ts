import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isEmptyDoc } from "@/lib/editor/validate";
import { Outbox } from "@/lib/notifications/outbox";
import { markApprovalsStale } from "@/lib/reviews/staleness";
import { newSectionKey } from "@/lib/templates/section-keys";
import { parseInput } from "@/lib/validation";
import { requireDocAccess } from "./access";
import {
  deleteSection,
  insertSection,
  lockForStructure,
  setSectionOrder,
  setSectionTitle,
  type StructureRow,
} from "./content/structure";

/**
 * Sections beyond the template (issue 15): an import makes them from headings the
 * template lacks, and editors add, rename, move and remove them here. Template
 * sections keep their title, place and existence (the template decides those).
 * Every change is a doc change: the doc is locked for edits while it runs (a locked,
 * approved doc refuses it), its revision and stamps move, and the audit trail says it.
 * The rows are written by the content pipeline (lib/docs/content/structure.ts), which
 * records each change as a section version so history shows the sections of any point.
 */

const ZSectionTitle = z
  .string({ error: "Give the section a title" })
  .trim()
  .min(1, "Give the section a title")
  .max(200, "Section titles are at most 200 characters");
const ZAdd = z.object({ title: ZSectionTitle, after: z.string().max(60).optional() });
const ZRename = z.object({ title: ZSectionTitle });
const ZMove = z.object({ direction: z.enum(["up", "down"], { error: "Move a section up or down" }) });

type Row = StructureRow;

async function begin(actor: Actor, docId: string, work: (tx: Tx, ctx: Ctx) => Promise<void>): Promise<void> {
  const { doc, role } = await requireDocAccess(actor, { id: docId }, "edit");
  await db.$transaction(async (tx) => {
    const { doc: locked, sections } = await lockForStructure(tx, doc.id, role);
    await work(tx, { doc, locked, sections });
    await tx.document.update({
      where: { id: doc.id },
      data: { revision: { increment: 1 }, updatedAt: new Date(), updatedById: actor.id },
    });
  });
}

type Ctx = {
  doc: { id: string; workspaceId: string };
  locked: Awaited<ReturnType<typeof lockForStructure>>["doc"];
  sections: Row[];
};

function extraSection(sections: Row[], key: unknown): Row {
  const section = sections.find((s) => s.key === key);
  if (!section) throw new AppError("NOT_FOUND", "This doc has no such section.");
  if (!section.extra)
    throw new AppError(
      "FORBIDDEN",
      `“${section.title}” comes from the template: its title and place stay as they are.`,
    );
  return section;
}

/** Renumber the sections in the given order (orders are unique per doc only by convention). */
const writeOrder = (tx: Tx, actor: Actor, ctx: Ctx, sections: Row[]) =>
  setSectionOrder(tx, ctx.doc.id, sections, actor.id);

const audit = (tx: Tx, actor: Actor, ctx: Ctx, type: string, data: Prisma.InputJsonValue) =>
  recordAudit(tx, { workspaceId: ctx.doc.workspaceId, documentId: ctx.doc.id, actorId: actor.id, type, data });

/** A new, empty section of the doc's own, after `after` (a section key) or at the end. */
export async function addSection(actor: Actor, docId: string, raw: unknown): Promise<{ key: string }> {
  const input = parseInput(ZAdd, raw);
  let key = "";
  await begin(actor, docId, async (tx, ctx) => {
    key = newSectionKey(input.title, new Set(ctx.sections.map((s) => s.key)));
    const at = input.after ? ctx.sections.findIndex((s) => s.key === input.after) + 1 : ctx.sections.length;
    const position = at <= 0 ? ctx.sections.length : at;
    const created = await insertSection(tx, {
      docId: ctx.doc.id,
      key,
      title: input.title,
      order: position,
      actorId: actor.id,
    });
    const next = [...ctx.sections];
    next.splice(position, 0, created);
    await writeOrder(tx, actor, ctx, next);
    await audit(tx, actor, ctx, "section.added", { section: key, title: input.title });
  });
  return { key };
}

export async function renameSection(actor: Actor, docId: string, sectionKey: string, raw: unknown): Promise<void> {
  const { title } = parseInput(ZRename, raw);
  await begin(actor, docId, async (tx, ctx) => {
    const section = extraSection(ctx.sections, sectionKey);
    await setSectionTitle(tx, { docId: ctx.doc.id, sectionId: section.id, title, actorId: actor.id });
    await audit(tx, actor, ctx, "section.renamed", { section: section.key, from: section.title, to: title });
  });
}

/** One place up or down, past any section (template sections stay where they are relative to each other). */
export async function moveSection(actor: Actor, docId: string, sectionKey: string, raw: unknown): Promise<void> {
  const { direction } = parseInput(ZMove, raw);
  await begin(actor, docId, async (tx, ctx) => {
    const section = extraSection(ctx.sections, sectionKey);
    const from = ctx.sections.indexOf(section);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ctx.sections.length)
      throw new AppError(
        "CONFLICT",
        `“${section.title}” is already the ${direction === "up" ? "first" : "last"} section.`,
      );
    const next = [...ctx.sections];
    [next[from], next[to]] = [next[to]!, next[from]!];
    await writeOrder(tx, actor, ctx, next);
    await audit(tx, actor, ctx, "section.moved", { section: section.key, direction });
  });
}

/**
 * Remove a section of the doc's own. Its content is kept in the audit record (who
 * removed what), approvals covering it go stale, and a section with open comment
 * threads is kept until they are resolved, so no conversation loses its place.
 */
export async function removeSection(actor: Actor, docId: string, sectionKey: string): Promise<void> {
  const outbox = new Outbox();
  await begin(actor, docId, async (tx, ctx) => {
    const section = extraSection(ctx.sections, sectionKey);
    const open = await tx.commentThread.count({
      where: { documentId: ctx.doc.id, sectionKey: section.key, resolvedAt: null },
    });
    if (open)
      throw new AppError("CONFLICT", `“${section.title}” has open comment threads. Resolve them, then remove it.`);
    const hadContent = !isEmptyDoc(section.content as Prisma.JsonObject);
    if (hadContent) await markApprovalsStale(tx, ctx.locked, section.key, actor, outbox);
    await deleteSection(tx, { docId: ctx.doc.id, sectionId: section.id, actorId: actor.id });
    await writeOrder(
      tx,
      actor,
      ctx,
      ctx.sections.filter((s) => s !== section),
    );
    await audit(tx, actor, ctx, "section.removed", {
      section: section.key,
      title: section.title,
      content: section.content as Prisma.InputJsonValue,
    });
  });
  void outbox.flush();
}
