import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockDocForEdit } from "@/lib/reviews/staleness";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import { requireDocAccess } from "./access";
import { ZTitle } from "./schemas";

export async function renameDoc(actor: Actor, docId: string, raw: unknown): Promise<{ title: string }> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "edit");
  const { title } = parseInput(z.object({ title: ZTitle }), raw);
  if (title === doc.title) return { title };
  await db.$transaction(async (tx) => {
    await lockDocForEdit(tx, doc.id); // review flow: a locked doc keeps its title too
    await tx.document.update({
      where: { id: doc.id },
      data: { title, revision: { increment: 1 }, updatedAt: new Date(), updatedById: actor.id },
    });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "doc.renamed",
      data: { from: doc.title, to: title },
    });
  });
  return { title };
}

/** Archive hides a doc from the list and makes it read-only; restore undoes both. */
export async function setDocArchived(actor: Actor, docId: string, archived: boolean): Promise<void> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "manage");
  if (!!doc.archivedAt === archived)
    throw new AppError("CONFLICT", archived ? "This doc is already archived." : "This doc is not archived.");
  await db.$transaction(async (tx) => {
    await tx.document.update({ where: { id: doc.id }, data: { archivedAt: archived ? new Date() : null } });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: archived ? "doc.archived" : "doc.restored",
    });
  });
}
