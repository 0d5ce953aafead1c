import "server-only";
import type { Tx } from "@/lib/db";
import { randomSuffix, slugify } from "@/lib/slug";

export async function createWorkspaceTx(tx: Tx, ownerId: string, name: string) {
  const slug = `${slugify(name, 32) || "workspace"}-${randomSuffix()}`;
  const workspace = await tx.workspace.create({ data: { name, slug } });
  await tx.membership.create({ data: { userId: ownerId, workspaceId: workspace.id, role: "OWNER" } });
  return workspace;
}
