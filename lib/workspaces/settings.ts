import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { requireWorkspace } from "./access";

export type WorkspaceSettingsDTO = { independentApproval: boolean };

const ZReviewSettings = z.object({
  independentApproval: z.boolean({ error: "independentApproval is true or false" }),
});

/** The review rules of a workspace (members may read them: they say who may approve). */
export async function getWorkspaceSettings(actor: Actor, workspaceId: string): Promise<WorkspaceSettingsDTO> {
  const { workspace } = await requireWorkspace(actor, { id: workspaceId });
  return db.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { independentApproval: true } });
}

/**
 * Owners and admins: whether approvals must be independent of editing
 * (lib/reviews/independence.ts). A change applies to verdicts from now on; approvals
 * already given stay as they are. Audited.
 */
export async function setReviewSettings(
  actor: Actor,
  workspaceId: string,
  raw: unknown,
): Promise<WorkspaceSettingsDTO> {
  const { workspace } = await requireWorkspace(actor, { id: workspaceId }, "workspace.update");
  const { independentApproval } = parseInput(ZReviewSettings, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: workspace.id },
      select: { independentApproval: true },
    });
    if (before.independentApproval === independentApproval) return before;
    await tx.workspace.update({ where: { id: workspace.id }, data: { independentApproval } });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: actor.id,
      type: "workspace.review_settings_changed",
      data: { independentApproval },
    });
    return { independentApproval };
  });
}
