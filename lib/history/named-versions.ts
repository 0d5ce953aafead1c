import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireDocAccess } from "@/lib/docs/access";
import { cleanName } from "@/lib/names";
import { parseInput } from "@/lib/validation";
import type { NamedVersionDTO } from "./dto";
import { ZNameVersion } from "./schemas";

/**
 * Name the doc's current point ("v1.0 — sent for review"). Editors only; the name then
 * labels that point in the history, in review requests and in the sign-off record.
 */
export async function nameCurrentVersion(actor: Actor, docId: string, raw: unknown): Promise<NamedVersionDTO> {
  const { name: typed } = parseInput(ZNameVersion, raw);
  const name = cleanName(typed);
  if (!name)
    throw new AppError("INVALID_INPUT", "Give the version a name", {
      fieldErrors: { name: ["Give the version a name"] },
    });
  const ctx = await requireDocAccess(actor, { id: docId }, "edit");
  return db.$transaction(async (tx) => {
    // The doc row lock orders this with content commits: the name labels exactly the point it was given on.
    const [doc] = await tx.$queryRaw<{ headSeq: bigint; workspaceId: string }[]>`
      SELECT "headSeq", "workspaceId" FROM "Document" WHERE id = ${ctx.doc.id} FOR UPDATE`;
    const row = await tx.namedVersion.create({
      data: { documentId: ctx.doc.id, seq: doc!.headSeq, name, createdById: actor.id },
      select: { id: true, name: true, seq: true, createdAt: true },
    });
    await recordAudit(tx, {
      workspaceId: doc!.workspaceId,
      documentId: ctx.doc.id,
      actorId: actor.id,
      type: "version.named",
      data: { name, seq: row.seq.toString() },
    });
    return {
      id: row.id,
      name: row.name,
      seq: Number(row.seq),
      createdAt: row.createdAt.toISOString(),
      createdBy: { id: actor.id, name: actor.name },
    };
  });
}
